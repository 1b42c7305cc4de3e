// Pod networking and streams on the process runtime, driven by the real kubectl. Scenario 16: three
// luksa/kubia pods all listen on 8080 without colliding — each has its own IP in the node's pod
// CIDR and answers "You've hit <pod name>" there (only IPs of pods this test created are
// addressed). Then exec (hostname, exit codes, stdin), port-forward and logs -f through the API
// server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { freePort, kubectl, kubectlMissing, kubectlPath, type TestServer } from './harness.js';
import { eventually, httpGet, ok, podRow, waitStatus, podTestServer } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
const { cidr } = podTestServer(skip, (s) => { server = s; });
const prefix = cidr.split('.').slice(0, 3).join('.') + '.';

const k = (args: string[], input?: string) => ok(server, args, { input });
const names = ['kubia-a', 'kubia-b', 'kubia-c'];
const kubiaPod = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: kubia}}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: kubia
    image: luksa/kubia
    ports: [{containerPort: 8080}]
`;
const ips = new Map<string, string>();

test('scenario 16: three kubia pods on port 8080, three pod IPs, each answers with its own name', { skip }, async () => {
  await k(['apply', '-f', '-'], names.map(kubiaPod).join('---\n'));
  for (const n of names) {
    const row = await waitStatus(server, n, 'Running');
    assert.equal(row.ready, '1/1');
    assert.ok(row.ip!.startsWith(prefix), `${n} has IP ${row.ip}, not in ${cidr}`);
    ips.set(n, row.ip!);
  }
  assert.equal(new Set(ips.values()).size, 3, JSON.stringify([...ips]));
  for (const [n, ip] of ips) {
    // The server may still be binding right after Running: retry briefly.
    const r = await eventually(() => httpGet(ip, 8080), 5000, 100);
    assert.deepEqual(r, { status: 200, body: `You've hit ${n}\n` });
  }
  assert.equal(await k(['get', 'pods', '-l', 'app=kubia', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.podIP} {end}']),
    names.map((n) => `${n}=${ips.get(n)} `).join(''));
});

test('kubectl exec runs in the pod: hostname, exit codes, stdin', { skip }, async () => {
  assert.equal(await k(['exec', 'kubia-a', '--', 'hostname']), 'kubia-a\n');
  const exit3 = await kubectl(server, ['exec', 'kubia-a', '--', 'sh', '-c', 'exit 3']);
  assert.deepEqual([exit3.code, exit3.stderr], [3, 'command terminated with exit code 3\n']);
  assert.equal(await k(['exec', '-i', 'kubia-b', '--', 'cat'], 'line one\nline two\n'), 'line one\nline two\n');
  // The pod's own network namespace: its address is the pod IP.
  assert.match(await k(['exec', 'kubia-c', '--', 'sh', '-c', 'cat /proc/net/fib_trie']), new RegExp(ips.get('kubia-c')!.replace(/\./g, '\\.')));
});

test('kubectl run -i --restart=Never: the container reads what kubectl sends, stdin closes with the session (stdinOnce), the pod Completes', { skip }, async () => {
  const r = await kubectl(server, ['run', 'stdin-once', '-i', '--restart=Never', '--image=busybox', '--command', '--', 'cat'], { input: 'hello\nworld\n', timeoutMs: 30_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'hello\nworld\n');
  assert.equal((await waitStatus(server, 'stdin-once', 'Completed')).status, 'Completed');
});

test('kubectl exec of a missing binary fails as the runtime reports it', { skip }, async () => {
  const missing = await kubectl(server, ['exec', 'kubia-a', '--', '/no/such/cmd']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^error: Internal error occurred: .*exec failed: unable to start container process: exec: "\/no\/such\/cmd": stat \/no\/such\/cmd: no such file or directory/);
});

test('kubectl port-forward pod/<name> <local>:8080 reaches the pod', { skip }, async () => {
  const local = await freePort();
  const pf = spawn(kubectlPath, ['--kubeconfig', server.kubeconfig, 'port-forward', 'pod/kubia-b', `${local}:8080`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  pf.stdout.on('data', (d) => { out += d; });
  pf.stderr.on('data', (d) => { out += d; });
  try {
    await eventually(async () => assert.match(out, new RegExp(`Forwarding from 127\\.0\\.0\\.1:${local} -> 8080`)), 10_000, 100);
    for (let i = 0; i < 3; i++) assert.deepEqual(await httpGet('127.0.0.1', local), { status: 200, body: "You've hit kubia-b\n" });
    assert.match(out, new RegExp(`Handling connection for ${local}`));
  } finally {
    pf.kill('SIGTERM');
  }
});

test('kubectl logs -f follows new lines as the container writes them', { skip }, async () => {
  await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: ticker}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.3; done"]
`);
  await waitStatus(server, 'ticker', 'Running');
  const f = spawn(kubectlPath, ['--kubeconfig', server.kubeconfig, 'logs', '-f', 'ticker'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  f.stdout.on('data', (d) => { out += d; });
  try {
    // Lines keep arriving on the open stream: first some, then later ones.
    await eventually(async () => assert.match(out, /tick 2\n/), 10_000, 100);
    const seen = out.split('\n').filter(Boolean).length;
    await eventually(async () => assert.ok(out.split('\n').filter(Boolean).length >= seen + 3, out), 10_000, 100);
    const lines = out.split('\n').filter(Boolean);
    assert.deepEqual(lines, lines.map((_, i) => `tick ${i + 1}`));
  } finally {
    f.kill('SIGTERM');
  }
  // The pod stays as it was; its restarts are none.
  assert.equal((await podRow(server, 'ticker')).restarts, '0');
});
