// bin/kubelite, the command `npm link` puts on PATH: it starts node without NODE_EXTRA_CA_CERTS
// (node would load that file before any code runs) and kubelite still honours it where node would
// have: for a cluster whose kubeconfig names no CA, and in the processes kubelite starts.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { kubeliteBin, run, startTestServer, type RunResult, type TestServer } from './harness.js';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'kubelite-wrapper-'));
const onPath = join(dir, 'bin', 'kubelite'); // a symlink, as npm link makes
const noCa = join(dir, 'kubeconfig-no-ca');

before(async () => {
  server = await startTestServer({ apiOnly: true });
  mkdirSync(join(dir, 'bin'));
  symlinkSync(resolve(kubeliteBin, '..', 'kubelite'), onPath);
  const token = /token: (\S+)/.exec(readFileSync(server.kubeconfig, 'utf8'))![1];
  writeFileSync(noCa, [
    'apiVersion: v1', 'kind: Config', 'current-context: c',
    'clusters:', '- name: c', '  cluster:', `    server: ${server.url}`,
    'users:', '- name: u', '  user:', `    token: ${token}`,
    'contexts:', '- name: c', '  context: {cluster: c, user: u}', '',
  ].join('\n'), { mode: 0o600 });
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command with exactly the given extra variables (NODE_EXTRA_CA_CERTS only when given). */
function kubelite(args: string[], env: Record<string, string>): Promise<RunResult> {
  return run(onPath, args, { env, unsetEnv: env.NODE_EXTRA_CA_CERTS === undefined ? ['NODE_EXTRA_CA_CERTS'] : [] });
}

test('through the symlink on PATH it runs with the kubeconfig it is given', async () => {
  const r = await kubelite(['--kubeconfig', server.kubeconfig, 'get', 'namespace', 'default', '-o', 'name'], { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'namespace/default\n');
  assert.equal(r.stderr, '', 'a kubeconfig with its own CA never reads the extra file');
});

test('a kubeconfig without a CA trusts the NODE_EXTRA_CA_CERTS file, as node would', async () => {
  const trusted = await kubelite(['--kubeconfig', noCa, 'get', 'namespace', 'default', '-o', 'name'], { NODE_EXTRA_CA_CERTS: join(server.dataDir, 'ca.crt') });
  assert.equal(trusted.code, 0, trusted.stderr);
  assert.equal(trusted.stdout, 'namespace/default\n');
  const untrusted = await kubelite(['--kubeconfig', noCa, 'get', 'namespace', 'default', '-o', 'name'], {});
  assert.equal(untrusted.code, 1);
  assert.match(untrusted.stderr, /certificate/);
});

test('the processes kubelite starts get NODE_EXTRA_CA_CERTS back', async () => {
  const seen = join(dir, 'seen');
  const editor = join(dir, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\necho "\${NODE_EXTRA_CA_CERTS-unset} \${KUBELITE_NODE_EXTRA_CA_CERTS-unset}" > '${seen}'\n`);
  chmodSync(editor, 0o755);
  const r = await kubelite(['--kubeconfig', server.kubeconfig, 'edit', 'namespace', 'default'], { NODE_EXTRA_CA_CERTS: '/some/ca.pem', KUBE_EDITOR: editor });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(seen, 'utf8'), '/some/ca.pem unset\n');
});

test('run as `sh kubelite` from its own directory it finds bin/kubelite.js', async () => {
  const r = await run('sh', ['kubelite', 'version', '--client'], { cwd: resolve(kubeliteBin, '..') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Client Version: v1\.33\./);
});
