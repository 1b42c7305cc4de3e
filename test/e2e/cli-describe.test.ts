// `kubelite describe` against `kubectl describe` on the same objects of one server: the text must
// be the same bytes. Both run at the same moment; a pair that differs only because an age ticked
// over between the two runs is taken again (a few times) before it counts as a difference.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kubectl, kubectlMissing, kubeliteBin, run, type RunResult, type TestServer } from './harness.js';
import { eventually, ok, podTestServer, waitStatus } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
podTestServer(skip, (s) => { server = s; });

const manifests = '/work/shared/scenarios/manifests';
const kubelite = (args: string[]) => run(process.execPath, [kubeliteBin, '--kubeconfig', server.kubeconfig, ...args]);
const show = (r: RunResult) => `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

/** Runs both CLIs with the same arguments until their output agrees (ages may tick between them). */
async function same(args: string[], attempts = 4): Promise<string> {
  let last: [RunResult, RunResult] | undefined;
  for (let i = 0; i < attempts; i++) {
    const [a, kl] = await Promise.all([kubectl(server, args), kubelite(args)]);
    // Messages that name the program ("Use \"kubectl api-resources\"") name kubelite instead.
    const b = { ...kl, stderr: kl.stderr.replace(/kubelite/g, 'kubectl') };
    last = [a, b];
    if (a.code === b.code && a.stdout === b.stdout && a.stderr === b.stderr) return a.stdout;
  }
  assert.equal(show(last![1]), show(last![0]), `kubelite ${args.join(' ')} differs from kubectl`);
  return '';
}

describe('kubelite describe prints what kubectl describe prints', { skip }, () => {
  test('set-up: a finished job, a probed pod, an RC with 3 replicas, a config map, a secret, a service account', async () => {
    await ok(server, ['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi']);
    await ok(server, ['create', '-f', `${manifests}/kubia-liveness.yaml`, '-f', `${manifests}/kubia-rc.yaml`]);
    await ok(server, ['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=level=3']);
    await ok(server, ['create', 'secret', 'generic', 'creds', '--from-literal=password=s3cret']);
    await ok(server, ['create', 'serviceaccount', 'robot']);
    await ok(server, ['label', 'configmap', 'settings', 'tier=backend']);
    await ok(server, ['annotate', 'configmap', 'settings', 'note=a very long annotation value that goes past the one hundred and forty characters kubectl keeps on the line of its key, so it wraps']);
    await eventually(async () => assert.equal(await ok(server, ['get', 'job', 'hello', '-o', 'jsonpath={.status.succeeded}']), '1'), 30_000);
    await waitStatus(server, 'kubia-liveness', 'Running');
    await eventually(async () => assert.equal(await ok(server, ['get', 'rc', 'kubia', '-o', 'jsonpath={.status.readyReplicas}']), '3'), 30_000);
  });

  const cases: Array<[string, string[]]> = [
    ['a completed job (Pods Statuses, Start Time, Completed At, Duration, Pod Template, events)', ['describe', 'job', 'hello']],
    ['a pod with a liveness probe (Liveness line, container state, conditions, QoS, tolerations)', ['describe', 'pod', 'kubia-liveness']],
    ['a replication controller (Replicas, Pods Status, SuccessfulCreate events)', ['describe', 'rc', 'kubia']],
    ['TYPE/NAME form for two objects', ['describe', 'rc/kubia', 'job/hello']],
    ['every pod selected by a label', ['describe', 'pods', '-l', 'app=kubia']],
    ['a name prefix', ['describe', 'pods', 'hello']],
    ['the node (lease, conditions, capacity, non-terminated pods, allocated resources)', ['describe', 'nodes']],
    ['a namespace', ['describe', 'namespace', 'default']],
    ['a service', ['describe', 'service', 'kubernetes']],
    ['a config map with a long annotation', ['describe', 'configmap', 'settings']],
    ['a secret', ['describe', 'secret', 'creds']],
    ['a service account', ['describe', 'serviceaccount', 'robot']],
    ['a kind kubectl describes generically (Lease)', ['describe', 'lease', '-n', 'kube-node-lease']],
    ['not found', ['describe', 'pod', 'nothere']],
    ['one found, one not', ['describe', 'rc', 'kubia', 'nothere']],
    ['nothing in the namespace', ['describe', 'jobs', '-n', 'kube-public']],
    ['no type', ['describe']],
    ['--show-events=false', ['describe', 'job', 'hello', '--show-events=false']],
  ];
  for (const [name, args] of cases) test(name, async () => { await same(args); });
});
