// The admin kubeconfig `kubelite server` writes for kubectl and kubelite: one cluster, one bearer
// token, one context. Written 0600 (it holds the token) and atomically (never half-written).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written by hand (every value is URL- or base64-safe), so start-up needs no YAML library. */
export function kubeconfigYaml(server: string, token: string, caPem: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: kubelite
  cluster:
    server: ${server}
    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}
users:
- name: kubelite-admin
  user:
    token: ${token}
contexts:
- name: kubelite
  context:
    cluster: kubelite
    user: kubelite-admin
    namespace: default
current-context: kubelite
preferences: {}
`;
}

export function writeSecretFile(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, path);
}

/** The admin token survives restarts, so an existing kubeconfig keeps working. */
export function loadOrCreateToken(dataDir: string): string {
  const file = join(dataDir, 'token');
  if (existsSync(file)) {
    const t = readFileSync(file, 'utf8').trim();
    if (t) return t;
  }
  const token = randomBytes(32).toString('base64url');
  writeSecretFile(file, `${token}\n`);
  return token;
}
