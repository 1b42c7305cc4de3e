import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { service } from './index.js';

const make = (spec: Record<string, unknown>, name = 'web'): KObject => {
  const obj: KObject = { metadata: { name, namespace: 'default' }, spec };
  service.defaults!(obj);
  service.prepareForCreate!(obj);
  return obj;
};

test('defaults as kube-apiserver writes them', () => {
  const obj = make({ selector: { app: 'web' }, ports: [{ port: 80 }] });
  assert.deepEqual(obj.spec, {
    selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'ClusterIP',
    internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'],
  });
  assert.deepEqual(obj.status, { loadBalancer: {} });
  assert.deepEqual(service.validate!(obj), []);
});

const cases = [
  { name: 'names are DNS-1035 labels', obj: () => make({ ports: [{ port: 80 }] }, '1web'),
    want: ["metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
  { name: 'ports are required', obj: () => make({}), want: ['spec.ports: Required value'] },
  { name: 'several ports need names', obj: () => make({ ports: [{ port: 80 }, { port: 443 }] }),
    want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'] },
  { name: 'nodePort on ClusterIP', obj: () => make({ ports: [{ port: 80, nodePort: 30080 }] }),
    want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(service.validate!(c.obj()).map(fieldErrorString), c.want));

test('update keeps the allocated clusterIP when the client omits it', () => {
  const old = make({ ports: [{ port: 80 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
  const next = make({ ports: [{ port: 8080 }] });
  service.prepareForUpdate!(next, old);
  assert.equal((next.spec as { clusterIP: string }).clusterIP, '10.96.0.10');
  assert.deepEqual(service.validateUpdate!(next, old), []);
});
