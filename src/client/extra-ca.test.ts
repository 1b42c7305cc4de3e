import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { defaultTrustPem, restoreExtraCaCertsEnv } from './extra-ca.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-extra-ca-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('nothing moved: node\'s own default applies', () => {
  const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/x' };
  restoreExtraCaCertsEnv(env);
  assert.deepEqual(env, { NODE_EXTRA_CA_CERTS: '/x' });
  assert.equal(defaultTrustPem(), undefined);
});

test('a moved file is put back for child processes and trusted after node\'s roots', () => {
  const file = join(dir, 'extra.pem');
  const pem = '-----BEGIN CERTIFICATE-----\nextra\n-----END CERTIFICATE-----\n';
  writeFileSync(file, pem);
  const env: NodeJS.ProcessEnv = { KUBELITE_NODE_EXTRA_CA_CERTS: file };
  restoreExtraCaCertsEnv(env);
  assert.deepEqual(env, { NODE_EXTRA_CA_CERTS: file });
  assert.equal(defaultTrustPem(), [...rootCertificates, pem].join('\n'));
});

test('an unreadable file warns in node\'s words and leaves node\'s roots', async () => {
  restoreExtraCaCertsEnv({ KUBELITE_NODE_EXTRA_CA_CERTS: join(dir, 'missing.pem') });
  const warned = new Promise<Error>((res) => process.once('warning', res));
  assert.equal(defaultTrustPem(), [...rootCertificates, ''].join('\n'));
  assert.match((await warned).message, /^Ignoring extra certs from `.*missing\.pem`, load failed: ENOENT/);
});
