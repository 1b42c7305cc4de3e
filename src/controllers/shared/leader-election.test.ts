import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import { allKinds } from '../../api/kinds/index.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import type { Timers } from '../../client/workqueue.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { LEASE_DURATION_MS, LeaderElector } from './leader-election.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

async function setup() {
  const clock = new FakeClock(T0);
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'kube-system' } });
  const client = new LocalClient(reg, allKinds);
  const elector = (identity: string, timers?: Timers) => new LeaderElector({ client, name: 'kube-controller-manager', identity, clock, timers });
  const lease = async () => (await client.get(client.kind('coordination.k8s.io', 'Lease'), 'kube-system', 'kube-controller-manager')) as Lease;
  return { clock, elector, lease };
}

test('the first candidate creates the lease and holds it', async () => {
  const { elector, lease } = await setup();
  assert.equal(await elector('a').tryAcquireOrRenew(), true);
  const spec = (await lease()).spec!;
  assert.deepEqual([spec.holderIdentity, spec.leaseDurationSeconds, spec.leaseTransitions], ['a', 15, 0]);
});

test('a second candidate waits until the lease goes unrenewed for its duration, then takes it over', async () => {
  const { clock, elector, lease } = await setup();
  const a = elector('a');
  const b = elector('b');
  const rounds: boolean[] = [];
  rounds.push(await a.tryAcquireOrRenew(), await b.tryAcquireOrRenew());
  clock.advance(LEASE_DURATION_MS - 1000);
  rounds.push(await a.tryAcquireOrRenew(), await b.tryAcquireOrRenew()); // renewed: b's wait starts again
  clock.advance(LEASE_DURATION_MS - 1);
  rounds.push(await b.tryAcquireOrRenew()); // a's last renewal seen just under 15 s ago: not yet
  clock.advance(1);
  rounds.push(await b.tryAcquireOrRenew(), await a.tryAcquireOrRenew());
  assert.deepEqual(rounds, [true, false, true, false, false, true, false]);
  const spec = (await lease()).spec!;
  assert.deepEqual([spec.holderIdentity, spec.leaseTransitions], ['b', 1]);
});

test('a restarted holder with the same identity takes its lease back at once', async () => {
  const { elector } = await setup();
  assert.equal(await elector('server-1').tryAcquireOrRenew(), true);
  assert.equal(await elector('server-1').tryAcquireOrRenew(), true);
});

test('stop releases the lease, so another candidate need not wait', async () => {
  const { elector, lease } = await setup();
  const timers: Timers = { setTimeout: () => 0, clearTimeout: () => {} };
  const a = elector('a', timers);
  let started = 0;
  a.run(() => started++, () => {});
  for (let i = 0; i < 10 && !a.isLeader(); i++) await new Promise((r) => setImmediate(r));
  assert.equal(started, 1);
  await a.stop();
  assert.equal((await lease()).spec!.holderIdentity, undefined);
  assert.equal(await elector('b').tryAcquireOrRenew(), true);
});
