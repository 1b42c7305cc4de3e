// kubelite's streaming verbs against kubectl's on one server: logs (job/NAME, rc/NAME picking the
// same pod, --tail, --previous after a liveness restart, errors), exec (output, stdin, exit codes,
// errors), attach to a running container, and port-forward carrying HTTP to a pod.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { kubectl, kubectlMissing, kubeliteBin, run, type RunResult, type TestServer } from './harness.js';
import { eventually, httpGet, ok, podTestServer, waitStatus } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
podTestServer(skip, (s) => { server = s; });

const manifests = '/work/shared/scenarios/manifests';
const kubelite = (args: string[], input?: string) => run(process.execPath, [kubeliteBin, '--kubeconfig', server.kubeconfig, ...args], { input });
const show = (r: RunResult) => `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;

async function same(args: string[], input?: string): Promise<RunResult> {
  const [a, kl] = await Promise.all([kubectl(server, args, { input }), kubelite(args, input)]);
  // Usage hints name the program: "See 'kubectl logs -h'".
  const b = { ...kl, stderr: kl.stderr.replace(/kubelite/g, 'kubectl') };
  assert.equal(show(b), show(a), `kubelite ${args.join(' ')} differs from kubectl`);
  return a;
}

describe('kubelite logs, exec, attach and port-forward', { skip }, () => {
  test('set-up: a finished job, a probed pod, an RC, a ticking pod', async () => {
    await ok(server, ['create', 'job', 'hello', '--image=busybox', '--', 'sh', '-c', 'echo one; echo two; echo three']);
    await ok(server, ['create', '-f', `${manifests}/kubia-liveness.yaml`, '-f', `${manifests}/kubia-rc.yaml`]);
    await ok(server, ['run', 'ticker', '--image=busybox', '--restart=Never', '--command', '--', 'sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.5; done']);
    await eventually(async () => assert.equal(await ok(server, ['get', 'job', 'hello', '-o', 'jsonpath={.status.succeeded}']), '1'), 30_000);
    await eventually(async () => assert.equal(await ok(server, ['get', 'rc', 'kubia', '-o', 'jsonpath={.status.readyReplicas}']), '3'), 30_000);
    await waitStatus(server, 'ticker', 'Running');
  });

  for (const args of [['logs', 'job/hello'], ['logs', 'job/hello', '--tail=2'], ['logs', 'rc/kubia'], ['logs', 'nothere'], ['logs', 'job/nothere'], ['logs'], ['logs', 'kubia-liveness', '-c', 'nope'], ['logs', 'configmap/kube-root-ca.crt']]) {
    test(args.join(' '), async () => { await same(args); });
  }

  for (const [args, input] of [
    [['exec', 'rc/kubia', '--', 'echo', 'hi']], [['exec', 'kubia-liveness', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']],
    [['exec', '-i', 'kubia-liveness', '--', 'cat'], 'piped\n'], [['exec', 'nothere', '--', 'true']], [['exec', 'kubia-liveness', 'true', 'x']],
    [['exec', 'kubia-liveness', '-c', 'nope', '--', 'true']],
  ] as Array<[string[], string?]>) {
    test(args.join(' '), async () => {
      const r = await same(args, input);
      if (args.includes('exit 3')) assert.equal(r.code, 3);
    });
  }

  test('logs --previous after the liveness probe restarts the container (scenario 10)', async () => {
    await eventually(async () => assert.notEqual(await ok(server, ['get', 'pod', 'kubia-liveness', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']), '0'), 45_000, 1000);
    const r = await same(['logs', 'kubia-liveness', '--previous']);
    assert.match(r.stdout, /Kubia server starting/);
  });

  test('attach shows the running container\'s output', async () => {
    const r = await run(process.execPath, [kubeliteBin, '--kubeconfig', server.kubeconfig, 'attach', 'ticker'], { timeoutMs: 2500 });
    assert.match(r.stdout, /tick \d+\n/);
    assert.equal(r.stderr, "If you don't see a command prompt, try pressing enter.\n");
  });

  test('port-forward carries HTTP to the pod and stops cleanly on SIGINT', async () => {
    const pod = (await ok(server, ['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
    const p = spawn(process.execPath, [kubeliteBin, '--kubeconfig', server.kubeconfig, 'port-forward', `pod/${pod}`, ':8080'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    const exited = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
    try {
      const port = await eventually(async () => {
        const m = /^Forwarding from 127\.0\.0\.1:(\d+) -> 8080\nForwarding from \[::1\]:\1 -> 8080\n/.exec(out);
        assert.ok(m, out);
        return Number(m[1]);
      }, 10_000, 100);
      assert.equal((await httpGet('127.0.0.1', port)).body, `You've hit ${pod}\n`);
      assert.equal((await httpGet('127.0.0.1', port)).body, `You've hit ${pod}\n`);
      // The two requests may share one kept-alive connection.
      assert.match(out, new RegExp(`\\nHandling connection for ${port}\\n$`));
    } finally {
      p.kill('SIGINT');
    }
    assert.equal(await exited, 0);
  });
});
