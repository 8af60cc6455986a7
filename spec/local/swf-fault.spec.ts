import { expect } from 'chai';
import { isSwfFault, SwfFault } from '../../lib/local/swf-fault';

describe('SwfFault', () => {
  it("carries SWF's fault name as type and 400 as status code", () => {
    const faults: [SwfFault, string][] = [
      [SwfFault.unknownResource('m'), 'UnknownResourceFault'],
      [SwfFault.typeAlreadyExists('m'), 'TypeAlreadyExistsFault'],
      [SwfFault.typeDeprecated('m'), 'TypeDeprecatedFault'],
      [SwfFault.typeNotDeprecated('m'), 'TypeNotDeprecatedFault'],
      [SwfFault.domainAlreadyExists('m'), 'DomainAlreadyExistsFault'],
      [SwfFault.domainDeprecated('m'), 'DomainDeprecatedFault'],
      [SwfFault.executionAlreadyStarted('m'), 'WorkflowExecutionAlreadyStartedFault'],
      [SwfFault.defaultUndefined('m'), 'DefaultUndefinedFault'],
      [SwfFault.operationNotPermitted('m'), 'OperationNotPermittedFault'],
      [SwfFault.limitExceeded('m'), 'LimitExceededFault'],
      [SwfFault.tooManyTags('m'), 'TooManyTagsFault'],
      [SwfFault.validation('m'), 'ValidationException'],
      [SwfFault.unknownOperation('X'), 'UnknownOperationException'],
    ];
    for (const [fault, type] of faults) {
      expect(fault.type).to.equal(type);
      expect(fault.name).to.equal(type);
      expect(fault.statusCode).to.equal(400);
      expect(isSwfFault(fault)).to.equal(true);
    }
    expect(isSwfFault(new Error('x'))).to.equal(false);
  });
});
