// Property: whatever happens to a ReplicaSet's world — scaling, pods deleted, pods relabelled out
// of its selector, a node killed with all its pods — it converges to exactly `replicas` live pods,
// and no pod ever has two controllers, even with a second ReplicaSet whose selector overlaps.
// Runs the real engine against an in-memory API server with a tiny scheduler that binds pods to
// nodes round-robin; killing a node deletes its pods at once (what eviction plus pod GC end in).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { realClock } from '../../util/clock.js';
import { DEFAULT_JOB_BACKOFF_BASE_MS } from '../index.js';
import { ReplicaSetControllers } from './replica-controllers.js';

const NODES = ['n0', 'n1', 'n2'];
const NS = 'default';

type Op =
  | { op: 'scale'; rs: 'a' | 'b'; replicas: number }
  | { op: 'deletePod'; pick: number }
  | { op: 'relabelPod'; pick: number }
  | { op: 'killNode'; node: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), rs: fc.constantFrom('a' as const, 'b' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('deletePod' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('relabelPod' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('killNode' as const), node: fc.integer({ min: 0, max: NODES.length - 1 }) }),
);

async function cluster() {
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), realClock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: NS } });
  const client = new LocalClient(reg, allKinds);
  const podDef = client.kind('', 'Pod');
  const rsDef = client.kind('apps', 'ReplicaSet');
  for (const n of NODES) await client.create(client.kind('', 'Node'), { apiVersion: 'v1', kind: 'Node', metadata: { name: n } });
  const logs: string[] = [];
  const controllers = new ReplicaSetControllers(client, { clock: realClock, log: (m) => logs.push(m), jobBackoffBaseMs: DEFAULT_JOB_BACKOFF_BASE_MS });
  await controllers.start();
  // The scheduler, reduced: every new pod goes to the next node in turn.
  let next = 0;
  const binder = client.watch(podDef, NS, { fromRevision: 0 }, (ev) => {
    const p = ev.object as Pod;
    if (ev.type === 'ADDED' && !p.spec?.nodeName) void client.bindPod(NS, p.metadata!.name!, NODES[next++ % NODES.length]!).catch(() => undefined);
  });
  // a selects app=x; b selects app=x,tier=web and stamps tier=web: b's pods also match a's selector.
  const rs = (name: string, replicas: number, labels: Record<string, string>) => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: NS },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
  }) as KObject;
  await client.create(rsDef, rs('a', 2, { app: 'x' }));
  await client.create(rsDef, rs('b', 1, { app: 'x', tier: 'web' }));
  const pods = async () => (await client.list(podDef, NS)).items as Pod[];
  return {
    client, podDef, rsDef, pods, logs,
    close: () => { binder.stop(); controllers.stop(); },
  };
}

type Cluster = Awaited<ReturnType<typeof cluster>>;

async function apply(c: Cluster, o: Op): Promise<void> {
  const live = (await c.pods()).filter((p) => !p.metadata?.deletionTimestamp).sort((x, y) => x.metadata!.name!.localeCompare(y.metadata!.name!));
  const gone = () => undefined; // a pod another step already removed
  if (o.op === 'scale') {
    await c.client.patch(c.rsDef, NS, o.rs, { spec: { replicas: o.replicas } }, { type: 'merge' });
  } else if (o.op === 'deletePod' && live.length) {
    await c.client.delete(c.podDef, NS, live[o.pick % live.length]!.metadata!.name!, { gracePeriodSeconds: 0 }).catch(gone);
  } else if (o.op === 'relabelPod' && live.length) {
    await c.client.patch(c.podDef, NS, live[o.pick % live.length]!.metadata!.name!, { metadata: { labels: { app: 'moved' } } }, { type: 'merge' }).catch(gone);
  } else if (o.op === 'killNode') {
    const node = NODES[o.node];
    await Promise.all(live.filter((p) => p.spec?.nodeName === node).map((p) => c.client.delete(c.podDef, NS, p.metadata!.name!, { gracePeriodSeconds: 0 }).catch(gone)));
  }
}

/** What must hold once the controllers have caught up; a description of what does not, else undefined. */
async function violations(c: Cluster): Promise<string | undefined> {
  const want = Object.fromEntries((await c.client.list(c.rsDef, NS)).items.map((r) => [r.metadata.uid!, { name: r.metadata.name!, replicas: (r.spec as { replicas: number }).replicas }]));
  const owned = new Map<string, number>();
  for (const p of (await c.pods()).filter((x) => !x.metadata?.deletionTimestamp)) {
    const controllers = (p.metadata?.ownerReferences ?? []).filter((r) => r.controller);
    if (controllers.length > 1) return `pod ${p.metadata!.name} has ${controllers.length} controllers`;
    const uid = controllers[0]?.uid;
    if (p.metadata?.labels?.app === 'moved' && uid) return `relabelled pod ${p.metadata.name} is still owned`;
    if (uid) owned.set(uid, (owned.get(uid) ?? 0) + 1);
  }
  for (const [uid, w] of Object.entries(want)) {
    if ((owned.get(uid) ?? 0) !== w.replicas) return `${w.name} owns ${owned.get(uid) ?? 0} live pods, wants ${w.replicas}`;
  }
  return undefined;
}

async function converged(c: Cluster, timeoutMs = 5_000): Promise<void> {
  let last: string | undefined;
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs;) {
    last = await violations(c);
    if (!last) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`did not converge in ${timeoutMs} ms: ${last}`);
}

test('random scale / delete pod / relabel pod / kill node sequences converge, no pod owned twice', async () => {
  await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
    const c = await cluster();
    try {
      await converged(c);
      for (const o of ops) await apply(c, o); // back to back: the controllers see them interleaved with their own writes
      await converged(c);
      assert.deepEqual(c.logs.filter((l) => !/conflict|not found|NotFound|already exists/i.test(l)), []);
    } finally {
      c.close();
    }
  }), { numRuns: 25 });
});
