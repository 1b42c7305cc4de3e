import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { Discovery } from '../../apiserver/discovery.js';
import type { Transport } from '../../client/http-transport.js';
import { discoverResources, qualifiedName, resolveResources, resourcePath, ResourceNotFound } from './resources.js';

// The server's own aggregated discovery documents, served by a fake transport.
const discovery = new Discovery(allKinds, '127.0.0.1:6443');
const transport = { json: async ({ path }: { path: string }) => JSON.parse(discovery.aggregated(path === '/api', 'v2').body) as unknown } as unknown as Transport;
const all = await discoverResources(transport);

const cases: Array<[string, string]> = [
  ['pods', 'pods'], ['pod', 'pods'], ['po', 'pods'], ['Pod', 'pods'], ['PODS', 'pods'],
  ['jobs', 'jobs.batch'], ['job.batch', 'jobs.batch'], ['jobs.v1.batch', 'jobs.batch'],
  ['rc', 'replicationcontrollers'], ['rs', 'replicasets.apps'], ['ds', 'daemonsets.apps'], ['cj', 'cronjobs.batch'],
  ['no', 'nodes'], ['ns', 'namespaces'], ['sa', 'serviceaccounts'], ['ev', 'events'], ['events.events.k8s.io', 'events.events.k8s.io'],
];
for (const [typed, want] of cases) {
  test(`"${typed}" resolves to ${want}`, () => assert.deepEqual(resolveResources(all, typed).map(qualifiedName), [want]));
}

test('"all" is the category: pods, services, controllers and jobs', () => {
  const names = resolveResources(all, 'all').map(qualifiedName).sort();
  assert.deepEqual(names, ['cronjobs.batch', 'daemonsets.apps', 'jobs.batch', 'pods', 'replicasets.apps', 'replicationcontrollers', 'services'].filter((n) => names.includes(n)));
  assert.ok(names.includes('pods') && names.includes('jobs.batch'));
});

test('an unknown name is kubectl\'s error', () => {
  assert.throws(() => resolveResources(all, 'foos'), (e: unknown) => e instanceof ResourceNotFound && e.message === 'the server doesn\'t have a resource type "foos"');
});

test('paths: namespaced, cluster-scoped, subresource', () => {
  const [job] = resolveResources(all, 'job');
  const [node] = resolveResources(all, 'node');
  const [pod] = resolveResources(all, 'po');
  assert.deepEqual([
    resourcePath(job!, 'default'), resourcePath(node!, 'default', 'n1'), resourcePath(pod!, 'kube-system', 'x', 'log'), resourcePath(pod!, undefined),
  ], ['/apis/batch/v1/namespaces/default/jobs', '/api/v1/nodes/n1', '/api/v1/namespaces/kube-system/pods/x/log', '/api/v1/pods']);
});
