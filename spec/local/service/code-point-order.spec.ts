import { expect } from 'chai';
import { compareCodePoints } from '../../../lib/local/service/code-point-order';

describe('compareCodePoints', () => {
  it('puts capitals before small letters, as their code points do', () => {
    expect(['b', 'B', 'a', '_'].sort(compareCodePoints)).to.deep.equal(['B', '_', 'a', 'b']);
  });

  it('puts a shorter prefix first and equal strings level', () => {
    expect(compareCodePoints('ab', 'abc')).to.be.below(0);
    expect(compareCodePoints('abc', 'ab')).to.be.above(0);
    expect(compareCodePoints('same', 'same')).to.equal(0);
  });

  it('sorts a character beyond the BMP above U+FFFD, where UTF-16 code units would not', () => {
    const astral = '\u{1F600}';
    expect(['\uFFFD', astral].sort(compareCodePoints)).to.deep.equal(['\uFFFD', astral]);
    expect(['\uFFFD', astral].sort()).to.deep.equal([astral, '\uFFFD']);
  });
});
