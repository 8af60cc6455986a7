/** SWF's documented field lengths and quotas: the one home is `lib/swf`. */
export { SWF_LIMITS as LIMITS } from '../../swf/limits';
