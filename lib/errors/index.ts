export { TsflowError } from './tsflow.error';
