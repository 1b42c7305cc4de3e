// docs/tutorial.md cannot drift: its commands run, in order, in one bash session against a fresh
// server (kubelite on PATH, KUBECONFIG set), and what each prints must match the guide once
// ages, generated names, IPs and times are masked (tutorial-guide.ts normalize). Blocks marked
// `skip` (slow: back-off, cron minutes, node failure) are left out; `unchecked` ones run without
// comparing their output. TUTORIAL_UPDATE=1 runs every block and writes the real outputs into the guide.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kubectl, kubectlMissing, kubeliteBin, type TestServer } from './harness.js';
import { eventually, podTestServer } from './pods-helpers.js';
import { normalize, parseGuide, withOutputs } from './tutorial-guide.js';

const skip = kubectlMissing();
const update = process.env.TUTORIAL_UPDATE === '1';
const guidePath = resolve(fileURLToPath(import.meta.url), '../../../../docs/tutorial.md');
const guide = readFileSync(guidePath, 'utf8');
const blocks = parseGuide(guide);
let server: TestServer;
podTestServer(skip, (s) => { server = s; });

/** One bash for the whole guide, so variables set by a step (POD=...) live on. */
class Shell {
  private out = '';
  private readonly proc: ChildProcessWithoutNullStreams;
  constructor(env: NodeJS.ProcessEnv, cwd: string) {
    this.proc = spawn('bash', ['--noprofile', '--norc'], { env, cwd });
    this.proc.stdout.on('data', (d: Buffer) => { this.out += d.toString('utf8'); });
    this.proc.stderr.on('data', () => { /* the steps' stderr is folded into stdout */ });
  }

  run(command: string, timeoutMs: number): Promise<{ output: string; code: number }> {
    const marker = `__tutorial_step_done_${Math.random().toString(36).slice(2)}__`;
    this.out = '';
    this.proc.stdin.write(`{ ${command}\n} 2>&1 </dev/null; echo "${marker} $?"\n`);
    return new Promise((res, rej) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const at = this.out.indexOf(marker);
        if (at >= 0 && this.out.indexOf('\n', at) > 0) {
          clearInterval(poll);
          res({ output: this.out.slice(0, at), code: Number(this.out.slice(at + marker.length).trim().split('\n')[0]) });
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(poll);
          rej(new Error(`step timed out after ${timeoutMs} ms: ${command}\n${this.out}`));
        }
      }, 50);
    });
  }

  close(): void { this.proc.kill('SIGKILL'); }
}

const STEP_TIMEOUT_MS = 180_000;

describe('docs/tutorial.md runs as written', { skip }, () => {
  let shell: Shell;
  let dir: string;
  const outputs = new Map<number, string[]>();
  const docNode = /^NAME\s.*\n(\S+)\s/m.exec(guide)?.[1];
  let node = '';

  after(() => {
    shell?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (update && outputs.size) writeFileSync(guidePath, withOutputs(guide, blocks, outputs));
  });

  test('set-up: kubelite on PATH, the server\'s kubeconfig, an editor for `kubelite edit`', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubelite-tutorial-'));
    symlinkSync(resolve(kubeliteBin, '..', 'kubelite'), join(dir, 'kubelite')); // the command, as npm link puts it on PATH
    // Scenario 13's edit: add release: v2 to the template's labels, as the reader does by hand.
    writeFileSync(join(dir, 'editor'), '#!/bin/sh\nsed -i \'s/^        app: kubia$/&\\n        release: v2/\' "$1"\n');
    chmodSync(join(dir, 'editor'), 0o755);
    shell = new Shell({ ...process.env, PATH: `${dir}:${process.env.PATH}`, KUBECONFIG: server.kubeconfig, KUBE_EDITOR: join(dir, 'editor') }, dir);
    // The server's node registers after the server says it is ready: wait for it (an empty name
    // left the node unmasked, and the guide's `get nodes` differed only by that).
    node = await eventually(async () => {
      const name = (await kubectl(server, ['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout.trim();
      assert.ok(name, 'no node registered yet');
      return name;
    }, 15_000, 100);
  });

  blocks.forEach((block, b) => {
    const first = block.steps[0]?.command.split('\n')[0] ?? '';
    const run = block.mark !== 'never' && (update || block.mark !== 'skip');
    test(`block ${b + 1} (${block.mark}): ${first}`, { skip: !run && (block.mark === 'never' ? 'sets up the reader\'s machine' : 'slow') }, async () => {
      const got: string[] = [];
      for (const step of block.steps) {
        const r = await shell.run(step.command, STEP_TIMEOUT_MS);
        got.push(r.output);
        if (update || block.mark === 'unchecked') continue;
        assert.deepEqual(normalize(r.output, node), normalize(step.output, docNode), `step: $ ${step.command}\n--- printed\n${r.output}--- the guide says\n${step.output}`);
      }
      outputs.set(b, got);
    });
  });
});
