import 'reflect-metadata';
import { expect } from 'chai';
import { TsflowError } from '../../index';
import { signalNameOf } from '../../lib/metadata/signal-name';

class Approval {
  onApprove(_input: { by: string }): void {}
  onReject(): void {}
}
// What @Signal('approve') writes on the method function.
Reflect.defineMetadata('tsflow:signal', 'approve', Approval.prototype.onApprove);

describe('signalNameOf', () => {
  it("reads the name @Signal stored on the method's function", () => {
    expect(signalNameOf(Approval.prototype.onApprove)).to.equal('approve');
  });

  it("falls back to the method's own name", () => {
    expect(signalNameOf(Approval.prototype.onReject)).to.equal('onReject');
  });

  it('refuses a function without a name, and anything not a function, saying what to pass', () => {
    expect(() =>
      signalNameOf(
        (
          () => () =>
            undefined
        )(),
      ),
    ).to.throw(TsflowError, /has no name and no @Signal metadata/);
    expect(() => signalNameOf(42)).to.throw(TsflowError, /named by a string or by a workflow method .* got a number/);
  });
});
