// Deletion with kubectl against a real `kubelite server`: each cascade policy (the garbage
// collector's work) and a namespace whose deletion empties it first. Expected output is what
// kubectl prints against kube-apiserver v1.33.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1.js';
import { parse as parseYaml } from 'yaml';
import { kubectlSession, podYaml } from './kubectl-session.js';
import { eventually } from './pods-helpers.js';

const { skip, k, ok, getJson } = kubectlSession('kubelite-deletion-');

/**
 * A ConfigMap and a pod that names it as controlling owner: no controller acts on a ConfigMap, so
 * only the garbage collector touches the pod (an RC's controller would count the pod as a replica).
 */
async function ownerWithPod(name: string): Promise<void> {
  await ok(['create', 'configmap', name, `--from-literal=owner=${name}`]);
  const owner = await getJson<ConfigMap>(['configmap', name]);
  const owned = parseYaml(podYaml(`${name}-pod`, { app: name })) as Pod;
  owned.metadata!.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }];
  await ok(['create', '-f', '-'], { input: JSON.stringify(owned) });
}

test('delete --cascade=orphan keeps the dependent and strips its ownerReferences', { skip }, async () => {
  await ownerWithPod('orphaner');
  assert.equal(await ok(['delete', 'configmap', 'orphaner', '--cascade=orphan']), 'configmap "orphaner" deleted\n');
  const gone = await k(['get', 'configmap', 'orphaner']);
  assert.equal(gone.stderr, 'Error from server (NotFound): configmaps "orphaner" not found\n');
  const left = (await getJson<Pod>(['pod', 'orphaner-pod'])).metadata!;
  assert.equal('ownerReferences' in left, false, 'the ownerReferences key is removed');
  assert.equal(left.deletionTimestamp, undefined);
});

test('delete --cascade=background deletes the dependent after the owner', { skip }, async () => {
  await ownerWithPod('backgrounder');
  assert.equal(await ok(['delete', 'configmap', 'backgrounder', '--cascade=background']), 'configmap "backgrounder" deleted\n');
  await eventually(async () => {
    const r = await k(['get', 'pod', 'backgrounder-pod']);
    assert.equal(r.stderr, 'Error from server (NotFound): pods "backgrounder-pod" not found\n');
  });
});

test('delete --cascade=foreground deletes the dependent before the owner is gone', { skip }, async () => {
  await ownerWithPod('foregrounder');
  // kubectl waits until the owner is gone; by then its blocking dependent must be gone too.
  assert.equal(await ok(['delete', 'configmap', 'foregrounder', '--cascade=foreground']), 'configmap "foregrounder" deleted\n');
  const r = await k(['get', 'pod', 'foregrounder-pod']);
  assert.equal(r.stderr, 'Error from server (NotFound): pods "foregrounder-pod" not found\n');
  const owner = await k(['get', 'configmap', 'foregrounder']);
  assert.equal(owner.stderr, 'Error from server (NotFound): configmaps "foregrounder" not found\n');
});

test('a namespace holds objects, and deleting it deletes them', { skip }, async () => {
  assert.equal(await ok(['create', 'namespace', 'doomed']), 'namespace/doomed created\n');
  assert.match(await ok(['get', 'namespace', 'doomed']), /\ndoomed\s+Active\s+\S+\n$/);
  await ok(['create', '-n', 'doomed', 'configmap', 'inside', '--from-literal=a=1']);
  await ok(['create', '-f', '-'], { input: podYaml('inside-pod', {}, 'doomed') });
  assert.equal(await ok(['get', '-n', 'doomed', 'configmaps,pods', '-o', 'name']).then((s) => s.split('\n').filter((l) => l.includes('inside')).length), 2);

  // kubectl waits until the namespace is gone: the namespace controller empties it first.
  assert.equal(await ok(['delete', 'namespace', 'doomed']), 'namespace "doomed" deleted\n');
  const ns = await k(['get', 'namespace', 'doomed']);
  assert.equal(ns.stderr, 'Error from server (NotFound): namespaces "doomed" not found\n');
  const leftovers = await ok(['get', 'pods,configmaps', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}']);
  assert.equal(leftovers.split('\n').filter((l) => l.startsWith('doomed/')).length, 0, leftovers);
  const create = await k(['create', '-n', 'doomed', 'configmap', 'late', '--from-literal=a=1']);
  assert.equal(create.stderr, 'error: failed to create configmap: namespaces "doomed" not found\n');
});
