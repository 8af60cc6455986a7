import { expect } from 'chai';
import { hostFault, isLoopbackHost } from '../../../lib/local/transport/host-check';

describe('hostFault', () => {
  it('accepts the loopback names with the port, in any case', () => {
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST:8080'])
      expect(hostFault(host, 8080), host).to.equal(undefined);
  });

  it('accepts them without the port on port 80, where clients leave it out', () => {
    expect(hostFault('localhost', 80)).to.equal(undefined);
    expect(hostFault('localhost', 8080)?.type).to.equal('AccessDeniedException');
  });

  it('refuses other names, other ports and a missing Host', () => {
    for (const host of ['evil.example:8080', 'localhost:8081', 'localhost.evil.example:8080', undefined]) {
      expect(hostFault(host, 8080)?.statusCode, String(host)).to.equal(403);
    }
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback addresses from the others', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopbackHost)).to.deep.equal([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.2'].map(isLoopbackHost)).to.deep.equal([false, false, false]);
  });
});
