import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, Container, Pod, Secret, Service } from 'kubernetes-types/core/v1.js';
import { notFound } from '../../api/errors.js';
import { formatMap, goQuote, podHostname, processEnv, resolveEnv, serviceEnvVars, type EnvFacts, type EnvLookup } from './env.js';
import { resourceFieldValue } from './resource-field.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const maps: Record<string, ConfigMap> = { cfg: { metadata: { name: 'cfg' }, data: { b: '2', a: '1', sleep: '5' } } };
const secrets: Record<string, Secret> = { creds: { metadata: { name: 'creds' }, data: { password: b64('s3cret') } } };
const lookup: EnvLookup = {
  configMap: async (_ns, name) => { const m = maps[name]; if (!m) throw notFound({ group: '', resource: 'configmaps' }, name); return m; },
  secret: async (_ns, name) => { const s = secrets[name]; if (!s) throw notFound({ group: '', resource: 'secrets' }, name); return s; },
};
const kubernetesSvc: Service = { metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } };
const facts: EnvFacts = { podIPs: ['10.244.0.5'], hostIPs: ['192.168.1.2'], services: [kubernetesSvc] };
const pod = (c: Partial<Container>, extra: Partial<Pod['spec']> = {}): [Pod, Container] => {
  const container: Container = { name: 'main', image: 'busybox', ...c };
  return [{ metadata: { name: 'kubia', namespace: 'ns1', uid: 'u1', labels: { app: 'kubia' }, annotations: { note: 'hi "x"' } },
    spec: { nodeName: 'node-1', serviceAccountName: 'default', containers: [container], ...extra } }, container];
};
const K8S_VARS: Array<[string, string]> = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443'], ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'], ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'], ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'], ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

test('kubernetes service variables, as in every pod', () => assert.deepEqual(serviceEnvVars([kubernetesSvc]), K8S_VARS));

test('env, envFrom with prefix, valueFrom and $(VAR) expansion, then service vars', async () => {
  const [p, c] = pod({
    envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }, { configMapRef: { name: 'missing', optional: true } }],
    env: [
      { name: 'GREETING', value: 'hello $(CFG_a) $(MISSING) $$(CFG_b) $(KUBERNETES_SERVICE_HOST)' },
      { name: 'CFG_b', value: 'overridden' },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
      { name: 'SLEEP', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'sleep' } } },
      { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'nope', optional: true } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      { name: 'EMPTY', value: '' },
      { name: 'REF', value: '$(POD_NAME)-x' },
    ],
  });
  assert.deepEqual(await resolveEnv(p, c, lookup, facts), [
    ['CFG_a', '1'], ['CFG_b', 'overridden'], ['CFG_sleep', '5'],
    ['GREETING', 'hello 1 $(MISSING) $(CFG_b) 10.96.0.1'], ['PASSWORD', 's3cret'], ['SLEEP', '5'],
    ['POD_NAME', 'kubia'], ['POD_NS', 'ns1'], ['POD_IP', '10.244.0.5'], ['NODE', 'node-1'], ['APP', 'kubia'],
    ['EMPTY', ''], ['REF', 'kubia-x'], ...K8S_VARS,
  ]);
});

test('enableServiceLinks: namespace services only when enabled; kubernetes always', async () => {
  const web: Service = { metadata: { name: 'my-web', namespace: 'ns1' }, spec: { clusterIP: '10.96.0.9', ports: [{ port: 80 }] } };
  const other: Service = { metadata: { name: 'other', namespace: 'ns2' }, spec: { clusterIP: '10.96.0.8', ports: [{ port: 80 }] } };
  const f = { ...facts, services: [kubernetesSvc, web, other] };
  const names = async (x: Partial<Pod['spec']>) => (await resolveEnv(...pod({}, x), lookup, f)).map(([k]) => k);
  const on = await names({});
  assert.ok(on.includes('MY_WEB_SERVICE_HOST') && on.includes('KUBERNETES_SERVICE_HOST') && !on.includes('OTHER_SERVICE_HOST'));
  const off = await names({ enableServiceLinks: false });
  assert.ok(!off.includes('MY_WEB_SERVICE_HOST') && off.includes('KUBERNETES_SERVICE_HOST'));
});

const errorCases: Array<{ name: string; c: Partial<Container>; want: string }> = [
  { name: 'missing configmap', c: { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'x', key: 'k' } } }] }, want: 'configmap "x" not found' },
  { name: 'missing key', c: { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] }, want: "couldn't find key k in ConfigMap ns1/cfg" },
  { name: 'missing secret', c: { envFrom: [{ secretRef: { name: 'nope' } }] }, want: 'secret "nope" not found' },
  { name: 'missing secret key', c: { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'creds', key: 'user' } } }] }, want: "couldn't find key user in Secret ns1/creds" },
];
for (const t of errorCases) test(`CreateContainerConfigError: ${t.name}`, async () => {
  await assert.rejects(resolveEnv(...pod(t.c), lookup, facts), (e: Error & { reason?: string }) => {
    assert.equal(e.reason, 'CreateContainerConfigError');
    assert.equal(e.message, t.want);
    return true;
  });
});

const resourceCases: Array<{ name: string; resource: string; divisor?: string; want: string }> = [
  { name: 'cpu limit in cores rounds up', resource: 'limits.cpu', want: '1' },
  { name: 'cpu limit in millicores', resource: 'limits.cpu', divisor: '1m', want: '250' },
  { name: 'memory request in Mi', resource: 'requests.memory', divisor: '1Mi', want: '64' },
  { name: 'memory limit defaults to node allocatable', resource: 'limits.memory', want: String(2 * 1024 ** 3) },
  { name: 'unset cpu request is 0', resource: 'requests.cpu', want: '0' },
];
for (const t of resourceCases) test(`resourceFieldRef: ${t.name}`, () => {
  const [p, c] = pod({ resources: { limits: { cpu: '250m' }, requests: { memory: '64Mi' } } });
  assert.equal(resourceFieldValue({ resource: t.resource, ...(t.divisor ? { divisor: t.divisor } : {}) }, p, c, { cpu: '4', memory: '2Gi' }), t.want);
});

test('formatMap and goQuote as the downward API writes labels', () => {
  assert.equal(formatMap({ b: '2', a: 'x"y' }), 'a="x\\"y"\nb="2"');
  assert.equal(goQuote('tab\tnl\n\u0001é'), '"tab\\tnl\\n\\x01é"');
});

test('hostname and process env', () => {
  const [p] = pod({});
  assert.equal(podHostname(p), 'kubia');
  assert.equal(podHostname({ metadata: { name: 'a'.repeat(62) + '-b' }, spec: { containers: [] } }), 'a'.repeat(62));
  assert.deepEqual(processEnv('kubia', [['PATH', '/bin'], ['X', 'img']], [['X', 'pod']]), [['HOSTNAME', 'kubia'], ['PATH', '/bin'], ['X', 'pod']]);
});
