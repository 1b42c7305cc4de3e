// A test file's own API-only `kubelite server` driven by the real kubectl, with the helpers the
// everyday-verb tests share (kubectl-crud.test.ts, kubectl-deletion.test.ts) and the manifests they use.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, type RunResult, type TestServer } from './harness.js';

type KubectlOptions = { input?: string; env?: Record<string, string> };

export interface KubectlSession {
  /** Why the tests are skipped (no kubectl outside CI), or undefined. */
  skip: string | undefined;
  server(): TestServer;
  k(args: string[], opts?: KubectlOptions): Promise<RunResult>;
  /** Runs kubectl and requires success; returns stdout. */
  ok(args: string[], opts?: KubectlOptions): Promise<string>;
  getJson<T>(args: string[]): Promise<T>;
  /** Writes a file in the session's temp dir; returns its path. */
  file(name: string, content: string): string;
}

/** Starts the server in `before` and stops it (removing the temp dir) in `after`. */
export function kubectlSession(tmpPrefix: string): KubectlSession {
  const skip = kubectlMissing();
  let server: TestServer;
  let dir: string;
  before(async () => {
    if (skip) return;
    server = await startTestServer({ apiOnly: true });
    dir = mkdtempSync(join(tmpdir(), tmpPrefix));
  });
  after(async () => {
    if (skip) return;
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const k = (args: string[], opts: KubectlOptions = {}) => kubectl(server, args, opts);
  const ok = async (args: string[], opts: KubectlOptions = {}) => {
    const r = await k(args, opts);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  return {
    skip, server: () => server, k, ok,
    getJson: async <T>(args: string[]) => JSON.parse(await ok(['get', ...args, '-o', 'json'])) as T,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

export const podYaml = (name: string, labels: Record<string, string> = {}, ns?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}  labels: ${JSON.stringify(labels)}
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
`;

export const configMapYaml = (name: string, data: Record<string, string>) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data: ${JSON.stringify(data)}
`;

export const rcYaml = (name: string, replicas: number) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
`;
