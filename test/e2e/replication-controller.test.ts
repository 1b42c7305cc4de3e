// ReplicationControllers and ReplicaSets with the real kubectl on the simulated runtime (only the
// controller's behaviour matters here, so pods start at once): scenario 12 (labels move pods in and out),
// 13 (a template edit affects only new pods), 14 (scale and edit back), 15 (delete without cascade, then
// a new RC adopts the orphans) on kubia-rc.yaml, and 17 (kubia-rs-matchexpressions.yaml; In, NotIn,
// Exists and DoesNotExist) — with `get rc`/`get rs` columns as the golden tables show them.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, type TestServer } from './harness.js';
import { eventsOf, eventually, ok, sleep } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'kubelite-rc-'));
before(async () => { if (!skip) server = await startTestServer({ store: 'memory', extraArgs: ['--runtime', 'simulated'] }); });
after(async () => { await server?.stop(); rmSync(tmp, { recursive: true, force: true }); });

const manifests = '/work/shared/scenarios/manifests';
const k = (args: string[], input?: string) => ok(server, args, { input });

/** An editor for `kubectl edit` that applies a sed script to the file it is given. */
function editor(name: string, sedScript: string): Record<string, string> {
  const path = join(tmp, name);
  writeFileSync(path, `#!/bin/sh\nexec sed -i -e '${sedScript}' "$1"\n`);
  chmodSync(path, 0o755);
  return { KUBE_EDITOR: path };
}

const cols = (out: string) => out.split('\n').filter(Boolean).map((l) => l.split(/\s{2,}/));

/** Waits until `get <kind> <name>` reads DESIRED CURRENT READY. */
function waitCounts(kind: string, name: string, ns: string, want: [number, number, number]) {
  return eventually(async () => {
    const [row] = cols(await k(['get', kind, name, '-n', ns, '--no-headers']));
    assert.deepEqual(row!.slice(0, 4), [name, ...want.map(String)]);
  }, 15_000, 150);
}

interface PodInfo { name: string; labels: Record<string, string>; owner: string; terminating: boolean }
async function pods(ns: string, selector?: string): Promise<PodInfo[]> {
  const out = await k(['get', 'pods', '-n', ns, ...(selector ? ['-l', selector] : []), '-o', 'json']);
  const items = (JSON.parse(out) as { items: Array<{ metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string; ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }> } }> }).items;
  return items.map((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    return { name: p.metadata.name, labels: p.metadata.labels ?? {}, owner: ref ? `${ref.kind}/${ref.name}` : '', terminating: !!p.metadata.deletionTimestamp };
  });
}
const live = (ps: PodInfo[]) => ps.filter((p) => !p.terminating);

describe('replication', { skip, concurrency: true }, () => {
  test('scenarios 12-15: an RC through relabelling, a template edit, scaling and an orphaning delete', async () => {
    const ns = 'rc';
    await k(['create', 'namespace', ns]);
    assert.equal(await k(['create', '-f', `${manifests}/kubia-rc.yaml`, '-n', ns]), 'replicationcontroller/kubia created\n');
    await waitCounts('rc', 'kubia', ns, [3, 3, 3]);
    assert.deepEqual(cols(await k(['get', 'rc', '-n', ns]))[0], ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    assert.deepEqual(cols(await k(['get', 'rc', '-n', ns, '-o', 'wide'])).map((r) => r.filter((_, i) => i !== 4)),
      [['NAME', 'DESIRED', 'CURRENT', 'READY', 'CONTAINERS', 'IMAGES', 'SELECTOR'], ['kubia', '3', '3', '3', 'kubia', 'luksa/kubia', 'app=kubia']]);
    const rc = JSON.parse(await k(['get', 'rc', 'kubia', '-n', ns, '-o', 'json'])) as { metadata: { uid: string }; status: unknown };
    assert.deepEqual(rc.status, { availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1, readyReplicas: 3, replicas: 3 });
    const first = await pods(ns);
    assert.equal(first.length, 3);
    const pod0 = JSON.parse(await k(['get', 'pod', first[0]!.name, '-n', ns, '-o', 'json'])) as { metadata: { generateName: string; ownerReferences: unknown } };
    assert.equal(pod0.metadata.generateName, 'kubia-');
    assert.deepEqual(pod0.metadata.ownerReferences, [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicationController', name: 'kubia', uid: rc.metadata.uid }]);

    // 12. An extra label changes nothing; changing app releases the pod and the RC replaces it.
    const [moved, ...kept] = first;
    await k(['label', 'po', moved!.name, 'type=special', '-n', ns]);
    await sleep(500);
    assert.deepEqual((await pods(ns)).map((p) => p.name).sort(), first.map((p) => p.name).sort());
    assert.equal(await k(['label', 'po', moved!.name, 'app=foo', '--overwrite', '-n', ns]), `pod/${moved!.name} labeled\n`);
    const afterRelabel = await eventually(async () => {
      const ps = await pods(ns);
      assert.equal(ps.length, 4, JSON.stringify(ps));
      return ps;
    });
    const replacement = afterRelabel.find((p) => !first.some((f) => f.name === p.name))!;
    assert.deepEqual(afterRelabel.find((p) => p.name === moved!.name), { name: moved!.name, labels: { app: 'foo', type: 'special' }, owner: '', terminating: false });
    assert.equal(replacement.owner, 'ReplicationController/kubia');
    const withApp = cols(await k(['get', 'pods', '-L', 'app', '-n', ns, '--no-headers'])).map((r) => `${r[0]} ${r[5]}`).sort();
    assert.deepEqual(withApp, [...kept.map((p) => `${p.name} kubia`), `${replacement.name} kubia`, `${moved!.name} foo`].sort());
    assert.match(await k(['get', 'pods', '--show-labels', '-n', ns]), new RegExp(`${moved!.name}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+app=foo,type=special\\n`));
    await waitCounts('rc', 'kubia', ns, [3, 3, 3]);
    assert.match(await k(['describe', 'rc', 'kubia', '-n', ns]), /Replicas:\s+3 current \/ 3 desired\nPods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
    // As upstream: the release itself records no event.
    assert.deepEqual((await eventsOf(server, 'kubia', ns)).map((e) => e.replace(/kubia-\w{5}$/, 'kubia-x')), Array(4).fill('Normal SuccessfulCreate Created pod: kubia-x'));

    // 13. A template edit: existing pods keep their labels; only pods created afterwards get the new one.
    const edited = await kubectl(server, ['edit', 'rc', 'kubia', '-n', ns], { env: editor('add-label', 's/^        app: kubia$/        app: kubia\\n        version: v2/') });
    assert.equal(edited.code, 0, edited.stderr);
    assert.equal(edited.stdout, 'replicationcontroller/kubia edited\n');
    await sleep(300);
    const before13 = live(await pods(ns, 'app=kubia'));
    assert.ok(before13.every((p) => p.labels.version === undefined), JSON.stringify(before13));
    await k(['delete', 'pod', before13[0]!.name, '-n', ns, '--wait=false']);
    const newer = await eventually(async () => {
      const ps = live(await pods(ns, 'app=kubia')).filter((p) => !before13.some((b) => b.name === p.name));
      assert.equal(ps.length, 1);
      return ps[0]!;
    });
    assert.deepEqual(newer.labels, { app: 'kubia', version: 'v2' });
    await eventually(async () => assert.equal(await k(['get', 'rc', 'kubia', '-n', ns, '-o', 'jsonpath={.status.fullyLabeledReplicas}/{.status.replicas}']), '1/3'));

    // 14. Scale up with kubectl scale, back down with kubectl edit.
    assert.equal(await k(['scale', 'rc', 'kubia', '--replicas=4', '-n', ns]), 'replicationcontroller/kubia scaled\n');
    await waitCounts('rc', 'kubia', ns, [4, 4, 4]);
    const down = await kubectl(server, ['edit', 'rc', 'kubia', '-n', ns], { env: editor('replicas-3', 's/^  replicas: 4$/  replicas: 3/') });
    assert.equal(down.code, 0, down.stderr);
    await waitCounts('rc', 'kubia', ns, [3, 3, 3]);
    const events = await eventsOf(server, 'kubia', ns);
    assert.equal(events.filter((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: kubia-')).length, 1, events.join('\n'));
    // The newest pods are the most expendable: the scale-up's or step 13's (times have one-second
    // precision, so pods made in the same second tie), never the ones from the start.
    const deleted = events.find((e) => e.includes('SuccessfulDelete'))!.split(': ')[1];
    const recent = events.filter((e) => e.startsWith('Normal SuccessfulCreate')).slice(-2).map((e) => e.split(': ')[1]);
    assert.ok(recent.includes(deleted), `${deleted} is not one of ${recent.join(', ')}`);
    assert.equal(await k(['get', 'rc', 'kubia', '-n', ns, '-o', 'jsonpath={.status.observedGeneration}']), '4');

    // 15. Delete without cascade: the RC goes, its pods stay, unowned.
    const owned = live(await pods(ns, 'app=kubia')).map((p) => p.name).sort();
    assert.equal(await k(['delete', 'rc', 'kubia', '--cascade=orphan', '-n', ns]), 'replicationcontroller "kubia" deleted\n');
    const noRc = await kubectl(server, ['get', 'rc', '-n', ns]);
    assert.equal(noRc.stderr, `No resources found in ${ns} namespace.\n`);
    await eventually(async () => {
      const ps = live(await pods(ns, 'app=kubia'));
      assert.deepEqual(ps.map((p) => `${p.name}:${p.owner}`).sort(), owned.map((n) => `${n}:`));
    });
    // A new RC with the same selector adopts the orphans instead of creating pods.
    await k(['create', '-f', `${manifests}/kubia-rc.yaml`, '-n', ns]);
    await waitCounts('rc', 'kubia', ns, [3, 3, 3]);
    assert.deepEqual(live(await pods(ns, 'app=kubia')).map((p) => `${p.name}:${p.owner}`).sort(), owned.map((n) => `${n}:ReplicationController/kubia`));
    // The older spelling, --cascade=false, orphans too (kubectl warns that it is deprecated).
    const old = await kubectl(server, ['delete', 'rc', 'kubia', '--cascade=false', '-n', ns]);
    assert.deepEqual([old.code, old.stdout], [0, 'replicationcontroller "kubia" deleted\n']);
    assert.match(old.stderr, /--cascade=false is deprecated/);
    await eventually(async () => assert.deepEqual(live(await pods(ns, 'app=kubia')).map((p) => `${p.name}:${p.owner}`).sort(), owned.map((n) => `${n}:`)));
  });

  test('scenario 12: a released pod has no ownerReferences key left (as the golden 2-relabeled-pod-after.yaml)', async () => {
    const ns = 'release';
    await k(['create', 'namespace', ns]);
    await k(['create', '-f', `${manifests}/kubia-rc.yaml`, '-n', ns]);
    const [p] = await eventually(async () => { const ps = await pods(ns); assert.equal(ps.length, 3); return ps; });
    await k(['label', 'po', p!.name, 'app=foo', '--overwrite', '-n', ns]);
    await eventually(async () => {
      const meta = (JSON.parse(await k(['get', 'pod', p!.name, '-n', ns, '-o', 'json'])) as { metadata: Record<string, unknown> }).metadata;
      assert.equal('ownerReferences' in meta, false, JSON.stringify(meta.ownerReferences));
    }, 3000);
  });

  test('scenario 17: a ReplicaSet with matchExpressions behaves like the RC; scale rs', async () => {
    const ns = 'rs';
    await k(['create', 'namespace', ns]);
    assert.equal(await k(['create', '-f', `${manifests}/kubia-rs-matchexpressions.yaml`, '-n', ns]), 'replicaset.apps/kubia created\n');
    await waitCounts('rs', 'kubia', ns, [3, 3, 3]);
    assert.deepEqual(cols(await k(['get', 'rs', '-n', ns, '-o', 'wide'])).map((r) => r.filter((_, i) => i !== 4)),
      [['NAME', 'DESIRED', 'CURRENT', 'READY', 'CONTAINERS', 'IMAGES', 'SELECTOR'], ['kubia', '3', '3', '3', 'kubia', 'luksa/kubia', 'app in (kubia)']]);
    const d = await k(['describe', 'rs', 'kubia', '-n', ns]);
    assert.match(d, /^Name:\s+kubia\nNamespace:\s+rs\nSelector:\s+app in \(kubia\)\nLabels:\s+<none>\nAnnotations:\s+<none>\nReplicas:\s+3 current \/ 3 desired\nPods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
    assert.equal((d.match(/Normal\s+SuccessfulCreate\s+\S+\s+replicaset-controller\s+Created pod: kubia-\w{5}\n/g) ?? []).length, 3, d);
    assert.deepEqual((await pods(ns)).map((p) => p.owner), Array(3).fill('ReplicaSet/kubia'));
    const st = JSON.parse(await k(['get', 'rs', 'kubia', '-n', ns, '-o', 'jsonpath={.status}'])) as unknown;
    assert.deepEqual(st, { availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1, readyReplicas: 3, replicas: 3 });

    assert.equal(await k(['scale', 'rs', 'kubia', '--replicas=1', '-n', ns]), 'replicaset.apps/kubia scaled\n');
    await waitCounts('rs', 'kubia', ns, [1, 1, 1]);
    assert.equal((await eventsOf(server, 'kubia', ns)).filter((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: kubia-')).length, 2);
  });

  test('scenario 17: NotIn, Exists and DoesNotExist select which orphans a ReplicaSet adopts', async () => {
    const ns = 'rs-expr';
    await k(['create', 'namespace', ns]);
    const orphans: Record<string, string> = { 'adopt-me': 'tier=web,app=web', 'has-legacy': 'tier=web,app=web,legacy=y', 'no-tier': 'app=web', 'app-kubia': 'tier=web,app=kubia' };
    for (const [name, labels] of Object.entries(orphans)) await k(['run', name, '--image=luksa/kubia', `--labels=${labels}`, '-n', ns]);
    const rs = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 2
  selector:
    matchExpressions:
    - {key: tier, operator: Exists}
    - {key: app, operator: NotIn, values: [kubia]}
    - {key: legacy, operator: DoesNotExist}
  template:
    metadata: {labels: {tier: web, app: web}}
    spec: {containers: [{name: web, image: luksa/kubia}]}
`;
    await k(['create', '-f', '-', '-n', ns], rs);
    await waitCounts('rs', 'web', ns, [2, 2, 2]);
    const got = await pods(ns);
    const owners = Object.fromEntries(got.map((p) => [p.name.startsWith('web-') ? 'web-*' : p.name, p.owner]));
    assert.deepEqual(owners, { 'adopt-me': 'ReplicaSet/web', 'has-legacy': '', 'no-tier': '', 'app-kubia': '', 'web-*': 'ReplicaSet/web' });
    assert.match(await k(['get', 'rs', 'web', '-n', ns, '-o', 'wide', '--no-headers']), /\s+app notin \(kubia\),!legacy,tier\n$/);
  });
});

