import { expect } from 'chai';
import { join } from 'node:path';
import ts from 'typescript';

const dist = join(__dirname, '..');

/** An entry point's exports as a user's compiler sees them: values (runtime) and type-only names. */
function exportsOf(program: ts.Program, entry: string): { values: string[]; types: string[] } {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(dist, `${entry}.d.ts`));
  const symbol = file && checker.getSymbolAtLocation(file);
  if (!symbol) throw new Error(`dist/${entry}.d.ts was not compiled`);
  const values: string[] = [];
  const types: string[] = [];
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(exported.name);
  }
  return { values: values.sort(), types: types.sort() };
}

describe('the package entry points', () => {
  let program: ts.Program;

  before(() => {
    const entries = ['index', 'local', 'engine', 'testing'].map((entry) => join(dist, `${entry}.d.ts`));
    program = ts.createProgram(entries, { skipLibCheck: true, noEmit: true, types: ['node'], module: ts.ModuleKind.CommonJS });
  });

  it("exports from 'tsflow' what an application writes, and no internals", () => {
    const { values, types } = exportsOf(program, 'index');
    expect(values).to.deep.equal([
      ...['Activities', 'Activity', 'ActivityAbandonedError', 'ActivityCancelledError', 'ActivityCompletion', 'ActivityContext'],
      ...['ActivityFailure', 'CancelledFailure', 'ChildWorkflow', 'ChildWorkflowFailure', 'CompleteLater', 'ConsoleLogger'],
      ...['FlowApp', 'FlowFactory', 'InvalidDefinitionError', 'LOGGER', 'Lambda', 'LambdaFailure', 'LoggingInterceptor'],
      'NondeterminismError',
      ...['PayloadDecodingError', 'PayloadEncodingError', 'PayloadError', 'PayloadTooLargeError', 'ResultDecodingFailure'],
      ...['ResultTimeoutError', 'ScheduleFailure', 'SideEffectFailure', 'Signal', 'State', 'SwfRequestError', 'TimeoutFailure'],
      ...['TsflowError', 'TypeDeprecatedError', 'UnknownActivityTaskError', 'UseInterceptors', 'WaitTimeout', 'WiringError'],
      ...['WorkerMetrics', 'WorkerModule'],
      ...['Workflow', 'WorkflowCallFailure', 'WorkflowClient', 'WorkflowContext', 'WorkflowExecutionCanceledError'],
      ...['WorkflowExecutionError', 'WorkflowExecutionFailedError', 'WorkflowExecutionTerminatedError', 'WorkflowExecutionTimedOutError'],
      ...['WorkflowFailed', 'WorkflowHandle', 'WorkflowNotFoundError', 'formatTimeline', 'inject', 'injectAll', 'injectable'],
      ...['serveMetrics', 'singleton'],
    ]);
    expect(types).to.deep.equal([
      ...['ActivitiesOptions', 'ActivityCall', 'ActivityCallInfo', 'ActivityCallOf', 'ActivityCallOptions'],
      ...['ActivityInterceptor', 'ActivityOptions', 'ActivityTaskInfo', 'ActivityTaskReport', 'CallOrigin'],
      ...['CallerView', 'CancellableCall', 'CancellableScope', 'ChildPolicy', 'ChildWorkflowCall'],
      ...['ChildWorkflowCallOf', 'ChildWorkflowCallOptions', 'ChildWorkflowOptions', 'ClientCallInfo'],
      ...['ClientInterceptor', 'CloseStatus', 'ConsoleLoggerOptions', 'Constructor', 'ContinueAsNewOptions'],
      ...['DecisionSummary', 'DecisionTaskInfo', 'DecisionTaskReport', 'DependencyContainer', 'Duration'],
      ...['ExecutionOperations', 'ExecutionRef', 'FlowConfig', 'FlowOptions', 'FutureArgs', 'HistoryEvent'],
      ...['InjectionToken', 'InputOf', 'Interceptor', 'InterceptorItem', 'LambdaCall', 'LambdaOptions'],
      ...['ListOptions', 'LocalLambdaFunction', 'LocalOptions', 'LogFields', 'LogLevel', 'Logger'],
      ...['MetricSample', 'MetricsOptions', 'MetricsServer', 'NondeterminismDetails', 'OnModuleDestroy'],
      ...['OnModuleInit', 'OutputOf', 'PollEvent', 'Provider', 'ResultOptions', 'RetryPolicy', 'SWFClientConfig'],
      ...['StartOptions', 'TerminateOptions', 'TimelineOptions', 'TimerFuture', 'TypeReference'],
      ...['WorkerInterceptor', 'WorkerModuleOptions', 'WorkflowCallAttempt', 'WorkflowCallInfo', 'WorkflowCallKind'],
      ...['WorkflowCallNext', 'WorkflowExecutionDetail', 'WorkflowExecutionInfo', 'WorkflowInterceptor', 'WorkflowOptions'],
    ]);
  });

  it("exports the testing environment and the replay helpers from 'tsflow/testing'", () => {
    const { values, types } = exportsOf(program, 'testing');
    expect(values).to.deep.equal([
      'HistorySourceError',
      'ReplayAssertionError',
      'TestWorkflowEnvironment',
      'assertReplays',
      'replayHistories',
    ]);
    expect(types).to.deep.equal(['HistorySource', 'ReplayResult', 'TestEnvironmentOptions']);
  });

  it("exports the embedded service, its clocks and Lambda invokers from 'tsflow/local'", () => {
    const { values, types } = exportsOf(program, 'local');
    expect(values).to.deep.equal([
      ...['AwsLambdaInvoker', 'InProcessLambdaInvoker', 'LocalSwfService', 'ManualClock', 'StateFileError', 'SwfFault'],
      ...['SystemClock', 'TimeSkipper', 'UnknownLambdaFunctionError'],
    ]);
    expect(types).to.deep.equal([
      ...['AccessKey', 'AwsLambdaInvokerOptions', 'Clock', 'ClockTimer', 'InProcessLambdaFunction', 'LambdaInvocation'],
      ...['LambdaInvoker', 'LambdaResult', 'ListenOptions', 'ListeningServer', 'LocalSwfBackendOptions', 'LocalSwfServiceOptions'],
      ...['PermissionPolicy', 'PermissionRequest', 'ScheduleOptions', 'ServiceIdentity', 'TimeSkipperOptions', 'ZeroRetention'],
    ]);
  });

  it("exports the replay engine from 'tsflow/engine'", () => {
    const { values, types } = exportsOf(program, 'engine');
    expect(values).to.deep.equal([
      ...['HistoryReferenceError', 'WorkflowExecution', 'WorkflowTypeMismatchError', 'containerWorkflowFactory'],
      ...['decide', 'replayHistory'],
    ]);
    expect(types).to.deep.equal([
      ...['DecideOptions', 'DecideTaskOptions', 'DecisionResult', 'DecisionTaskInput', 'EventTimestamp', 'ExecutionOptions'],
      ...['HistoryEventInput', 'RecordedHistory', 'ReplayHistoryOptions', 'SignalDecoder', 'WorkflowFactory'],
    ]);
  });

  it('keeps the runtime exports of each entry point the same as its declared values', async () => {
    for (const entry of ['index', 'local', 'engine', 'testing']) {
      const runtime = Object.keys((await import(join(dist, entry))) as object).sort();
      expect(runtime, entry).to.deep.equal(exportsOf(program, entry).values);
    }
  });
});
