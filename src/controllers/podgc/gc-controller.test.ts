import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cluster, settle } from '../node-lifecycle/testing.js';
import { PodGCController } from './gc-controller.js';

async function world(threshold = 12500) {
  const c = await cluster();
  const gc = new PodGCController(c.client, { clock: c.clock, log: () => {}, terminatedPodGcThreshold: threshold }, { pods: c.pods, nodes: c.nodes });
  const pass = async () => { await settle(); await gc.gc(); await settle(); };
  return { ...c, gc, pass };
}

test('pods of a deleted node are marked Failed and force-deleted after the 40 s quarantine', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addNode('gone');
  await w.addPod('keep', 'n1');
  await w.addPod('orphan', 'gone');
  await w.client.delete(w.client.kind('', 'Pod'), 'default', 'orphan'); // Terminating: its kubelet is gone too
  await w.client.delete(w.nodeDef, undefined, 'gone');
  let failed: string | undefined;
  let condition: string | undefined;
  w.pods.addHandlers({ onUpdate: (_o, p) => { if (p.metadata.name === 'orphan') { failed = p.status?.phase; condition = p.status?.conditions?.find((x) => x.type === 'DisruptionTarget')?.reason; } } });
  await w.pass();
  assert.ok(await w.pod('orphan'), 'quarantined first: the node may just be slow to appear');
  w.clock.advance(20_000);
  await w.pass();
  assert.ok(await w.pod('orphan'));
  w.clock.advance(20_000);
  await w.pass();
  assert.equal(await w.pod('orphan'), undefined);
  assert.deepEqual([failed, condition], ['Failed', 'DeletionByPodGC']);
  assert.ok(await w.pod('keep'));
  w.stop();
});

test('a node that appears during the quarantine keeps its pods', async () => {
  const w = await world();
  await w.addPod('early', 'late-node');
  await w.pass();
  w.clock.advance(20_000);
  await w.addNode('late-node');
  w.clock.advance(20_000);
  await w.pass();
  assert.ok(await w.pod('early'));
  w.stop();
});

test('terminated pods over the threshold are deleted oldest first', async () => {
  const w = await world(1);
  await w.addNode('n1');
  for (const name of ['first', 'second', 'third']) {
    await w.addPod(name, 'n1');
    await w.client.mutate(w.podDef, 'default', name, (p) => ({ ...p, status: { ...(p.status as object), phase: 'Succeeded' } }), { subresource: 'status' });
    w.clock.advance(1_000);
  }
  await w.pass();
  assert.deepEqual([!!(await w.pod('first')), !!(await w.pod('second')), !!(await w.pod('third'))], [false, false, true]);
  w.stop();
});
