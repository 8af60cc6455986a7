import { expect } from 'chai';
import { constraintMessage, jsonPreview } from '../../../lib/local/validation/validation-messages';

describe('jsonPreview', () => {
  it('is the JSON of a small value', () => {
    expect(jsonPreview({ a: [1, 'two', null, true] }, 100)).to.equal('{"a":[1,"two",null,true]}');
  });

  it('stops walking once it has enough, however deep or wide the value', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const text = jsonPreview(deep, 65);
    expect(text.startsWith('['.repeat(65))).to.equal(true);
    expect(text.length).to.be.lessThan(200);
    expect(
      jsonPreview(
        Array.from({ length: 100_000 }, (_, i) => i),
        20,
      ).length,
    ).to.be.lessThan(40);
  });

  it('quotes at most 64 characters in a validation message', () => {
    expect(constraintMessage('name', { long: 'x'.repeat(1000) }, 'Member must be a string')).to.equal(
      `1 validation error detected: Value '{"long":"${'x'.repeat(52)}...' at 'name' failed to satisfy constraint: Member must be a string`,
    );
  });
});
