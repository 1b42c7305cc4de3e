import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCidr, formatIPv4, gatewayOf, loopbackCidrFor, parseCidr, parseIPv4 } from './cidr.js';

const cases = [
  { name: 'a node slice', cidr: '10.244.0.0/24', want: { cidr: '10.244.0.0/24', gateway: '10.244.0.1', loopback: '127.244.0.0/24' } },
  { name: 'host bits are masked off', cidr: '10.244.3.17/24', want: { cidr: '10.244.3.0/24', gateway: '10.244.3.1', loopback: '127.244.3.0/24' } },
  { name: 'a whole cluster range', cidr: '10.244.0.0/16', want: { cidr: '10.244.0.0/16', gateway: '10.244.0.1', loopback: '127.244.0.0/16' } },
];
for (const c of cases) {
  test(`parseCidr: ${c.name}`, () => {
    const r = parseCidr(c.cidr);
    assert.deepEqual(
      { cidr: formatCidr(r), gateway: gatewayOf(r), loopback: formatCidr(loopbackCidrFor(r)) },
      c.want,
    );
  });
}

for (const bad of ['10.244.0.0', '10.244.0.0/31', '10.244.0/24', '300.1.1.1/24', 'x/24']) {
  test(`parseCidr rejects ${bad}`, () => assert.throws(() => parseCidr(bad)));
}

test('IPv4 round trip at the edges', () => {
  for (const ip of ['0.0.0.0', '255.255.255.255', '10.244.0.1', '127.0.0.1']) assert.equal(formatIPv4(parseIPv4(ip)), ip);
});
