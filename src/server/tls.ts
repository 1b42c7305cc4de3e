// The server's TLS material: a self-signed cluster CA and a serving certificate for loopback
// (client-go sends bearer tokens only over TLS). Created once in the data dir, keys 0600, and the
// CA goes into the kubeconfig as certificate-authority-data.
import { webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSecretFile } from './kubeconfig.js';

type X509 = typeof import('@peculiar/x509');

/** @peculiar/x509 (~200 modules) loads only when a certificate must be made, not on every start. */
async function x509Lib(): Promise<X509> {
  // It resolves its algorithm providers through tsyringe, which needs this polyfill.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  return x509;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export interface TlsMaterial { caPem: string; certPem: string; keyPem: string }

function pemKey(der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']) as Promise<CryptoKey>;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');
}

async function createCa(x509: X509, now: Date): Promise<{ cert: InstanceType<X509['X509Certificate']>; keyPem: string }> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(), name: 'CN=kubelite-ca', notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    keys, signingAlgorithm: ALG,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return { cert, keyPem: pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

async function createServing(x509: X509, caPem: string, caKey: CryptoKey, hosts: string[], now: Date): Promise<{ certPem: string; keyPem: string }> {
  const ca = new x509.X509Certificate(caPem);
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const isIp = (h: string) => /^[0-9.]+$/.test(h) || h.includes(':');
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(), subject: 'CN=kube-apiserver', issuer: ca.subject,
    notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    signingKey: caKey, publicKey: keys.publicKey, signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hosts.map((h) => ({ type: isIp(h) ? 'ip' as const : 'dns' as const, value: h }))),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

/** Loads the CA and serving certificate from dataDir, creating what is missing or does not cover `hosts`. */
export async function loadOrCreateTls(dataDir: string, hosts: string[]): Promise<TlsMaterial> {
  const f = (n: string) => join(dataDir, n);
  const now = new Date();
  let caPem: string;
  let caKey: CryptoKey;
  if (existsSync(f('ca.crt')) && existsSync(f('ca.key'))) {
    caPem = readFileSync(f('ca.crt'), 'utf8');
    caKey = await importKey(readFileSync(f('ca.key'), 'utf8'));
  } else {
    const ca = await createCa(await x509Lib(), now);
    caPem = ca.cert.toString('pem') + '\n';
    writeSecretFile(f('ca.key'), ca.keyPem);
    writeSecretFile(f('ca.crt'), caPem);
    caKey = await importKey(ca.keyPem);
  }
  const wanted = [...new Set(['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', '127.0.0.1', '::1', ...hosts])];
  if (existsSync(f('server.crt')) && existsSync(f('server.key'))) {
    const certPem = readFileSync(f('server.crt'), 'utf8');
    const cert = new X509Certificate(certPem);
    // subjectAltName reads "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, ..."
    const covered = new Set((cert.subjectAltName ?? '').split(', ').map((e) => e.replace(/^(DNS|IP Address):/, '')));
    covered.add(covered.has('0:0:0:0:0:0:0:1') ? '::1' : '');
    if (wanted.every((h) => covered.has(h)) && new Date(cert.validTo) > now) return { caPem, certPem, keyPem: readFileSync(f('server.key'), 'utf8') };
  }
  const serving = await createServing(await x509Lib(), caPem, caKey, wanted, now);
  writeSecretFile(f('server.key'), serving.keyPem);
  writeSecretFile(f('server.crt'), serving.certPem);
  return { caPem, ...serving };
}
