// The server's TLS material: a self-signed cluster CA and a serving certificate for loopback
// (client-go sends bearer tokens only over TLS). Created once in the data dir, keys 0600, and the
// CA goes into the kubeconfig as certificate-authority-data.
// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs this polyfill.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { writeSecretFile } from './kubeconfig.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

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

async function createCa(now: Date): Promise<{ cert: x509.X509Certificate; keyPem: string }> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(), name: 'CN=kubelite-ca', notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    keys, signingAlgorithm: ALG,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return { cert, keyPem: pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

async function createServing(ca: x509.X509Certificate, caKey: CryptoKey, hosts: string[], now: Date): Promise<{ certPem: string; keyPem: string }> {
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
    const ca = await createCa(now);
    caPem = ca.cert.toString('pem') + '\n';
    writeSecretFile(f('ca.key'), ca.keyPem);
    writeSecretFile(f('ca.crt'), caPem);
    caKey = await importKey(ca.keyPem);
  }
  const wanted = [...new Set(['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', '127.0.0.1', '::1', ...hosts])];
  if (existsSync(f('server.crt')) && existsSync(f('server.key'))) {
    const certPem = readFileSync(f('server.crt'), 'utf8');
    const cert = new x509.X509Certificate(certPem);
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const covered = new Set((san?.names.toJSON() ?? []).map((n) => n.value));
    if (wanted.every((h) => covered.has(h)) && cert.notAfter > now) return { caPem, certPem, keyPem: readFileSync(f('server.key'), 'utf8') };
  }
  const serving = await createServing(new x509.X509Certificate(caPem), caKey, wanted, now);
  writeSecretFile(f('server.key'), serving.keyPem);
  writeSecretFile(f('server.crt'), serving.certPem);
  return { caPem, ...serving };
}
