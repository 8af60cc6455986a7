import { TsflowError } from '../errors/tsflow.error';
/**
 * A fault as SWF returns it: `type` is the wire name sent in `__type`, and
 * `statusCode` the HTTP status. The transport turns it into the JSON body
 * `{ "__type": type, "message": message }`.
 *
 * @example
 * throw SwfFault.unknownResource(`Unknown domain: ${name}`);
 */
export class SwfFault extends TsflowError {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }

  static unknownResource(message: string): SwfFault {
    return new SwfFault('UnknownResourceFault', message);
  }
  static typeAlreadyExists(message: string): SwfFault {
    return new SwfFault('TypeAlreadyExistsFault', message);
  }
  static typeDeprecated(message: string): SwfFault {
    return new SwfFault('TypeDeprecatedFault', message);
  }
  static typeNotDeprecated(message: string): SwfFault {
    return new SwfFault('TypeNotDeprecatedFault', message);
  }
  static domainAlreadyExists(message: string): SwfFault {
    return new SwfFault('DomainAlreadyExistsFault', message);
  }
  static domainDeprecated(message: string): SwfFault {
    return new SwfFault('DomainDeprecatedFault', message);
  }
  static executionAlreadyStarted(message: string): SwfFault {
    return new SwfFault('WorkflowExecutionAlreadyStartedFault', message);
  }
  static defaultUndefined(message: string): SwfFault {
    return new SwfFault('DefaultUndefinedFault', message);
  }
  static operationNotPermitted(message: string): SwfFault {
    return new SwfFault('OperationNotPermittedFault', message);
  }
  static limitExceeded(message: string): SwfFault {
    return new SwfFault('LimitExceededFault', message);
  }
  static tooManyTags(message: string): SwfFault {
    return new SwfFault('TooManyTagsFault', message);
  }
  static validation(message: string): SwfFault {
    return new SwfFault('ValidationException', message);
  }
  static unknownOperation(action: string): SwfFault {
    return new SwfFault('UnknownOperationException', `Unknown operation: ${action}`);
  }
}

/** True when `error` is a fault the service raised on purpose (not a bug). */
export function isSwfFault(error: unknown): error is SwfFault {
  return error instanceof SwfFault;
}
