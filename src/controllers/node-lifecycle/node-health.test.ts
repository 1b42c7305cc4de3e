import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node, NodeCondition } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';
import { tryUpdateNodeHealth, type HealthDecision, type NodeHealth } from './node-health.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const s = (sec: number) => T0 + sec * 1000;
const timing = { monitorGracePeriodMs: 40_000, startupGracePeriodMs: 60_000 };

const cond = (type: string, status: string, hb: number): NodeCondition => ({ type, status, reason: 'Kubelet', message: 'm', lastHeartbeatTime: rfc3339(s(hb)), lastTransitionTime: rfc3339(T0) });
function node(ready: string | undefined, hb: number): Node {
  const conditions = ready === undefined ? [] : [cond('MemoryPressure', 'False', hb), cond('DiskPressure', 'False', hb), cond('PIDPressure', 'False', hb), cond('Ready', ready, hb)];
  return { metadata: { name: 'n1', creationTimestamp: rfc3339(T0) }, status: { conditions } };
}

/** A monitor pass at second `at`: the node as the kubelet last posted it (heartbeat at `hb`), the lease renewed at `lease`. */
interface Pass { at: number; hb: number; lease?: number; ready?: string | null }

function run(passes: Pass[]): HealthDecision {
  let saved: NodeHealth | undefined;
  let last!: HealthDecision;
  let written: Node | undefined;
  for (const p of passes) {
    // What the kubelet posted wins over what the controller wrote only when it is newer.
    const posted = node(p.ready === null ? undefined : p.ready ?? 'True', p.hb);
    const current = written && p.hb <= (passes[passes.indexOf(p) - 1]?.hb ?? -1) ? written : posted;
    last = tryUpdateNodeHealth(current, p.lease === undefined ? undefined : s(p.lease), saved, s(p.at), timing);
    saved = last.health;
    if (last.statusToWrite) written = { ...current, status: last.statusToWrite };
  }
  return last;
}

const cases: Array<{ name: string; passes: Pass[]; write: boolean; ready?: string; observed?: string }> = [
  { name: 'heartbeats within the grace period: nothing written', passes: [{ at: 0, hb: 0 }, { at: 30, hb: 30 }, { at: 65, hb: 60 }], write: false, ready: 'True' },
  { name: 'no heartbeat for longer than the grace period: Unknown', passes: [{ at: 0, hb: 0 }, { at: 41, hb: 0 }], write: true, ready: 'Unknown', observed: 'True' },
  { name: 'exactly the grace period is not yet too long (After is strict)', passes: [{ at: 0, hb: 0 }, { at: 40, hb: 0 }], write: false, ready: 'True' },
  { name: 'a lease renewed within the grace period keeps a silent status alive', passes: [{ at: 0, hb: 0, lease: 0 }, { at: 30, hb: 0, lease: 30 }, { at: 60, hb: 0, lease: 30 }], write: false, ready: 'True' },
  { name: 'neither status nor lease renewed: Unknown', passes: [{ at: 0, hb: 0, lease: 0 }, { at: 20, hb: 0, lease: 10 }, { at: 61, hb: 0, lease: 10 }], write: true, ready: 'Unknown' },
  { name: 'a status the kubelet posts with the same heartbeat does not count as a renewal', passes: [{ at: 0, hb: 5 }, { at: 30, hb: 5 }, { at: 46, hb: 5 }], write: true, ready: 'Unknown' },
  { name: 'Ready False from a live kubelet is left as it is', passes: [{ at: 0, hb: 0, ready: 'False' }, { at: 10, hb: 10, ready: 'False' }], write: false, ready: 'False', observed: 'False' },
  { name: 'a kubelet that never posted gets the start-up grace (60 s), not 40 s', passes: [{ at: 0, hb: 0, ready: null }, { at: 50, hb: 0, ready: null }], write: false, observed: 'Unknown' },
  { name: 'after the start-up grace, never-posted conditions are added as Unknown', passes: [{ at: 0, hb: 0, ready: null }, { at: 61, hb: 0, ready: null }], write: true, ready: 'Unknown', observed: 'Unknown' },
];

for (const c of cases) {
  test(`node health: ${c.name}`, () => {
    const d = run(c.passes);
    assert.equal(!!d.statusToWrite, c.write);
    if (c.ready) assert.equal(d.currentReady?.status, c.ready);
    if (c.observed) assert.equal(d.observedReady.status, c.observed);
  });
}

test('node health: Unknown conditions carry NodeStatusUnknown, the kubelet message and the transition time; NetworkUnavailable untouched', () => {
  const n = node('True', 0);
  n.status!.conditions!.push(cond('NetworkUnavailable', 'False', 0));
  const saved: NodeHealth = { probeTimestamp: s(0), readyTransitionTimestamp: s(0), status: n.status };
  const d = tryUpdateNodeHealth(n, undefined, saved, s(41), timing);
  const byType = Object.fromEntries(d.statusToWrite!.conditions!.map((c) => [c.type, c]));
  for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
    assert.deepEqual(byType[type], { type, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: rfc3339(s(0)), lastTransitionTime: rfc3339(s(41)) });
  }
  assert.equal(byType.NetworkUnavailable!.status, 'False');
  assert.equal(d.health.readyTransitionTimestamp, s(41));
  assert.equal(d.health.probeTimestamp, s(0), 'the probe time stays: the node is still silent');
});

test('node health: never-posted conditions get NodeStatusNeverUpdated and the node creation as heartbeat', () => {
  const d = run([{ at: 0, hb: 0, ready: null }, { at: 61, hb: 0, ready: null }]);
  const ready = d.statusToWrite!.conditions!.find((c) => c.type === 'Ready');
  assert.deepEqual(ready, { type: 'Ready', status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: rfc3339(T0), lastTransitionTime: rfc3339(s(61)) });
});

test('node health: a node already Unknown is not written again', () => {
  const n = node('True', 0);
  const saved: NodeHealth = { probeTimestamp: s(0), readyTransitionTimestamp: s(0), status: n.status };
  const first = tryUpdateNodeHealth(n, undefined, saved, s(41), timing);
  const again = tryUpdateNodeHealth({ ...n, status: first.statusToWrite }, undefined, first.health, s(46), timing);
  assert.equal(again.statusToWrite, undefined);
  assert.equal(again.observedReady.status, 'Unknown');
  assert.equal(again.currentReady?.status, 'Unknown');
});

test('node health: a returning kubelet\'s new heartbeat resets the probe time and records the transition', () => {
  const n = node('True', 0);
  const saved: NodeHealth = { probeTimestamp: s(0), readyTransitionTimestamp: s(0), status: n.status };
  const lost = tryUpdateNodeHealth(n, undefined, saved, s(41), timing);
  const back = node('True', 100);
  back.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime = rfc3339(s(100));
  const d = tryUpdateNodeHealth(back, undefined, lost.health, s(101), timing);
  assert.equal(d.statusToWrite, undefined);
  assert.equal(d.currentReady?.status, 'True');
  assert.deepEqual([d.health.probeTimestamp, d.health.readyTransitionTimestamp], [s(101), s(101)]);
});
