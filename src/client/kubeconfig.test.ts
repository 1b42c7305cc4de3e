import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-kubeconfig-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const b64 = (s: string) => Buffer.from(s).toString('base64');

function write(name: string, text: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const full = write('full', `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster: {server: "https://10.0.0.1:6443/", certificate-authority-data: ${b64(CA)}}
users:
- name: u1
  user: {token: secret-token}
contexts:
- name: ctx1
  context: {cluster: c1, user: u1, namespace: team}
current-context: ctx1
`);
// KUBECONFIG merging: the first file with a current-context decides; entries may live in other files.
const onlyContext = write('only-context', `contexts:
- name: ctx2
  context: {cluster: c2, user: u2}
current-context: ctx2
`);
const entries = write('entries', `clusters:
- name: c2
  cluster: {server: "https://example:1234", certificate-authority: ca.pem, insecure-skip-tls-verify: true}
users:
- name: u2
  user: {tokenFile: token.txt}
current-context: ignored
`);
write('ca.pem', CA);
write('token.txt', 'from-file\n');
const home = join(dir, 'home');
write('home/.kubelite/kubeconfig', `clusters:
- name: k
  cluster: {server: "https://127.0.0.1:6443"}
users: [{name: a, user: {token: t}}]
contexts: [{name: k, context: {cluster: k, user: a}}]
current-context: k
`);

const cases = [
  { name: '--kubeconfig wins over KUBECONFIG', opts: { path: full, env: { KUBECONFIG: onlyContext } },
    want: { server: 'https://10.0.0.1:6443', caPem: CA, token: 'secret-token', insecureSkipTlsVerify: false, namespace: 'team' } },
  { name: 'KUBECONFIG list: first current-context, entries from later files, paths relative to their file',
    opts: { env: { KUBECONFIG: `${join(dir, 'missing')}:${onlyContext}:${entries}` } },
    want: { server: 'https://example:1234', caPem: CA, token: 'from-file', insecureSkipTlsVerify: true, namespace: 'default' } },
  { name: 'default is ~/.kubelite/kubeconfig', opts: { env: {}, home },
    want: { server: 'https://127.0.0.1:6443', caPem: undefined, token: 't', insecureSkipTlsVerify: false, namespace: 'default' } },
];

for (const c of cases) {
  test(c.name, () => {
    const a = loadKubeconfig(c.opts);
    assert.deepEqual({ server: a.server, caPem: a.caPem, token: a.token, insecureSkipTlsVerify: a.insecureSkipTlsVerify, namespace: a.namespace }, c.want);
  });
}

test('no kubeconfig anywhere says where it looked', () => {
  assert.throws(() => loadKubeconfig({ env: {}, home: join(dir, 'nowhere') }), /no kubeconfig found/);
});

test('a context naming a missing cluster is an error', () => {
  assert.throws(() => loadKubeconfig({ path: onlyContext }), /cluster "c2" of context "ctx2" is missing/);
});
