import { TsflowError } from '../errors/tsflow.error';

/** A decision task of one workflow type was handed to the class of another. */
export class WorkflowTypeMismatchError extends TsflowError {
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly className: string,
  ) {
    super(
      `The decision task is for workflow type ${actual}, but ${className} is ${expected}; look the class up by the task's workflowType.`,
    );
  }
}
