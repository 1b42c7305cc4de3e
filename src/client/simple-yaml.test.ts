import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseSimpleYaml } from './simple-yaml.js';

const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: kubelite
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: LS0t
    insecure-skip-tls-verify: true
users:
- name: "admin"
  user:
    token: 'a''b'
contexts:
- context:
    cluster: kubelite
    user: admin
    namespace: default
  name: kubelite
current-context: kubelite
preferences: {}
# a comment
extensions: []
`;

test('reads a kubeconfig as the yaml library does', () => {
  assert.deepEqual(parseSimpleYaml(kubeconfig), parse(kubeconfig));
});

test('nested sequences indented under their key, and scalars of each kind', () => {
  const text = 'a:\n  - x\n  - 1\n  - null\n  -\n    b: c\nd: "q\\"uoted"\n';
  assert.deepEqual(parseSimpleYaml(text), parse(text));
});

for (const text of ['a: |\n  block\n', 'a: {b: c}\n', 'a: &x 1\nb: *x\n', 'a: b\n  c\n']) {
  test(`declines what it does not handle: ${JSON.stringify(text)}`, () => assert.equal(parseSimpleYaml(text), undefined));
}
