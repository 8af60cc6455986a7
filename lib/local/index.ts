export { LocalSwfBackend, LocalSwfBackendOptions } from './swf-backend';
export { SwfFault, isSwfFault } from './swf-fault';
export { Clock, ClockTimer, SystemClock } from './clock';
export { ManualClock, settle } from './manual-clock';
export { LambdaInvocation, LambdaInvoker, LambdaResult, UnknownLambdaFunctionError } from './lambda/lambda-invoker';
export { InProcessLambdaInvoker, InProcessLambdaFunction } from './lambda/in-process-lambda-invoker';
