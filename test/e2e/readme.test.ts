// The README's walk-through must run as written: every kubectl line of its "second terminal" block
// runs against a real server and succeeds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kubectl, kubectlMissing, startTestServer, type TestServer } from './harness.js';

const readme = readFileSync(join(resolve(fileURLToPath(import.meta.url), '../../../..'), 'README.md'), 'utf8');
const block = /In a second terminal:\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = block.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('kubectl '));

const skip = kubectlMissing();
let server: TestServer;
before(async () => { if (!skip) server = await startTestServer(); });
after(async () => { await server?.stop(); });

test('the README walk-through has kubectl commands to run', () => {
  assert.ok(commands.length >= 5, `found ${commands.length} commands in README's walk-through`);
  assert.match(block, /export KUBECONFIG=~\/\.kubelite\/kubeconfig/);
});

test('every README walk-through command succeeds against a real server', { skip, timeout: 180_000 }, async () => {
  for (const line of commands) {
    const args = line.slice('kubectl '.length).split(/\s+/);
    // Deleting the namespace waits for its pods: luksa/kubia ignores SIGTERM as the original does, so ~30 s.
    const r = await kubectl(server, args, { timeoutMs: 90_000 });
    assert.equal(r.code, 0, `${line}\n${r.stderr}`);
    if (line.includes(' get ') && line.includes('-l tier=frontend')) assert.match(r.stdout, /^web\s/m);
  }
});
