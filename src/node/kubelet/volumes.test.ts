import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readlink, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigMap, Container, Pod, Secret, Volume } from 'kubernetes-types/core/v1.js';
import { notFound } from '../../api/errors.js';
import { materializeVolumes, mountsFor, PodVolumes, VolumeError, type VolumeLookup } from './volumes.js';

const T0 = Date.UTC(2025, 0, 1, 10, 0, 0);
const maps: Record<string, ConfigMap> = { cfg: { metadata: { name: 'cfg' }, data: { 'app.conf': 'x=1\n', other: 'o' } } };
const secrets: Record<string, Secret> = { creds: { metadata: { name: 'creds' }, data: { password: Buffer.from('s3cret').toString('base64') } } };
const lookup: VolumeLookup = {
  configMap: async (_ns, name) => { const m = maps[name]; if (!m) throw notFound({ group: '', resource: 'configmaps' }, name); return m; },
  secret: async (_ns, name) => { const s = secrets[name]; if (!s) throw notFound({ group: '', resource: 'secrets' }, name); return s; },
};
const pod = (volumes: Volume[]): Pod => ({
  metadata: { name: 'kubia', namespace: 'default', uid: 'u1', labels: { app: 'kubia', tier: 'web' }, annotations: { a: 'b' } },
  spec: { containers: [{ name: 'main', image: 'x', resources: { limits: { memory: '64Mi' } } }], volumes },
});
async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelite-vol-'));
  try { await fn(dir); } finally { await rm(dir, { recursive: true, force: true }); }
}
const mode = async (p: string) => (await stat(p)).mode & 0o777;

test('emptyDir, configMap (all keys), secret (items, mode) and downwardAPI files', () => withDir(async (dir) => {
  const v = await materializeVolumes(pod([
    { name: 'scratch', emptyDir: {} },
    { name: 'config', configMap: { name: 'cfg' } },
    { name: 'creds', secret: { secretName: 'creds', items: [{ key: 'password', path: 'db/pw', mode: 0o400 }] } },
    { name: 'info', downwardAPI: { items: [
      { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
      { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
      { path: 'mem', resourceFieldRef: { containerName: 'main', resource: 'limits.memory', divisor: '1Mi' } },
    ] } },
  ]), dir, lookup, { now: T0 });
  assert.equal(v.get('scratch'), join(dir, 'volumes/kubernetes.io~empty-dir/scratch'));
  assert.equal(await mode(v.get('scratch')!), 0o777);
  const cfg = v.get('config')!;
  assert.equal(cfg, join(dir, 'volumes/kubernetes.io~configmap/config'));
  assert.equal(await readFile(join(cfg, 'app.conf'), 'utf8'), 'x=1\n');
  assert.equal(await readlink(join(cfg, 'app.conf')), '..data/app.conf');
  assert.match(await readlink(join(cfg, '..data')), /^\.\.2025_01_01_10_00_00\.\d{9}$/);
  assert.equal(await mode(join(cfg, 'other')), 0o644);
  const creds = v.get('creds')!;
  assert.equal(await readFile(join(creds, 'db/pw'), 'utf8'), 's3cret');
  assert.equal(await mode(join(creds, 'db/pw')), 0o400);
  const info = v.get('info')!;
  assert.equal(await readFile(join(info, 'labels'), 'utf8'), 'app="kubia"\ntier="web"');
  assert.equal(await readFile(join(info, 'name'), 'utf8'), 'kubia');
  assert.equal(await readFile(join(info, 'mem'), 'utf8'), '64');
  assert.deepEqual([...v.readOnly].sort(), ['config', 'creds', 'info']);
}));

test('a changed ConfigMap is swapped in atomically and removed keys disappear', () => withDir(async (dir) => {
  const p = pod([{ name: 'config', configMap: { name: 'cfg' } }]);
  const first = await materializeVolumes(p, dir, lookup, { now: T0 });
  const cfg = first.get('config')!;
  const before = await readlink(join(cfg, '..data'));
  await materializeVolumes(p, dir, lookup, { now: T0 + 1000 });
  assert.equal(await readlink(join(cfg, '..data')), before, 'unchanged payload is not rewritten');
  const changed: VolumeLookup = { ...lookup, configMap: async () => ({ metadata: { name: 'cfg' }, data: { 'app.conf': 'x=2\n' } }) };
  await materializeVolumes(p, dir, changed, { now: T0 + 2000 });
  assert.equal(await readFile(join(cfg, 'app.conf'), 'utf8'), 'x=2\n');
  const entries = (await readdir(cfg)).sort();
  assert.equal(entries.length, 3, entries.join(','));
  assert.deepEqual(entries.filter((e) => !e.startsWith('..2025')), ['..data', 'app.conf']);
}));

const failCases: Array<{ name: string; vol: Volume; want: string }> = [
  { name: 'missing configmap', vol: { name: 'config', configMap: { name: 'nope' } }, want: 'MountVolume.SetUp failed for volume "config" : configmap "nope" not found' },
  { name: 'missing secret', vol: { name: 's', secret: { secretName: 'nope' } }, want: 'MountVolume.SetUp failed for volume "s" : secret "nope" not found' },
  { name: 'missing key', vol: { name: 'config', configMap: { name: 'cfg', items: [{ key: 'k', path: 'k' }] } }, want: 'MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: k' },
  { name: 'missing secret key', vol: { name: 's', secret: { secretName: 'creds', items: [{ key: 'k', path: 'k' }] } }, want: 'MountVolume.SetUp failed for volume "s" : references non-existent secret key: k' },
];
for (const c of failCases) test(`FailedMount: ${c.name}`, () => withDir(async (dir) => {
  await assert.rejects(materializeVolumes(pod([c.vol]), dir, lookup, { now: T0 }), (e: unknown) => {
    assert.ok(e instanceof VolumeError);
    assert.equal(e.message, c.want);
    return true;
  });
}));

test('optional configMap missing: an empty volume', () => withDir(async (dir) => {
  const v = await materializeVolumes(pod([{ name: 'c', configMap: { name: 'nope', optional: true } }]), dir, lookup, { now: T0 });
  assert.deepEqual((await readdir(v.get('c')!)).filter((e) => !e.startsWith('..')), []);
}));

test('hostPath types', () => withDir(async (dir) => {
  const file = join(dir, 'f');
  await writeFile(file, 'x');
  const ok = await materializeVolumes(pod([
    { name: 'a', hostPath: { path: join(dir, 'new/dir'), type: 'DirectoryOrCreate' } },
    { name: 'b', hostPath: { path: join(dir, 'newfile'), type: 'FileOrCreate' } },
    { name: 'c', hostPath: { path: file, type: 'File' } },
    { name: 'd', hostPath: { path: join(dir, 'anything') } },
  ]), dir, lookup, { now: T0 });
  assert.ok((await stat(ok.get('a')!)).isDirectory());
  assert.ok((await stat(ok.get('b')!)).isFile());
  assert.equal(ok.readOnly.size, 0);
  await assert.rejects(materializeVolumes(pod([{ name: 'h', hostPath: { path: file, type: 'Directory' } }]), dir, lookup, { now: T0 }),
    { message: `MountVolume.SetUp failed for volume "h" : hostPath type check failed: ${file} is not a directory` });
}));

test('mountsFor: subPath, subPathExpr, readOnly, and errors', () => withDir(async (dir) => {
  const v = new PodVolumes([['data', join(dir, 'data')], ['config', join(dir, 'cfg')]]);
  v.readOnly.add('config');
  await (await import('node:fs/promises')).mkdir(join(dir, 'data'));
  const c: Container = { name: 'main', volumeMounts: [
    { name: 'data', mountPath: '/data' },
    { name: 'data', mountPath: '/logs', subPathExpr: 'logs/$(POD_NAME)' },
    { name: 'config', mountPath: '/etc/cfg' },
    { name: 'data', mountPath: '/ro', readOnly: true, subPath: 'ro' },
  ] };
  assert.deepEqual(await mountsFor(c, v, [['POD_NAME', 'kubia']]), [
    { hostPath: join(dir, 'data'), containerPath: '/data', readOnly: false },
    { hostPath: join(dir, 'data/logs/kubia'), containerPath: '/logs', readOnly: false },
    { hostPath: join(dir, 'cfg'), containerPath: '/etc/cfg', readOnly: true },
    { hostPath: join(dir, 'data/ro'), containerPath: '/ro', readOnly: true },
  ]);
  assert.ok((await stat(join(dir, 'data/logs/kubia'))).isDirectory());
  const bad = async (m: Container['volumeMounts'], env: Array<[string, string]> = []) => mountsFor({ name: 'main', volumeMounts: m }, v, env);
  await assert.rejects(bad([{ name: 'x', mountPath: '/x' }]), { message: 'cannot find volume "x" to mount into container "main"' });
  await assert.rejects(bad([{ name: 'data', mountPath: '/x', subPath: '/abs' }]), { message: 'error SubPath `/abs` must not be an absolute path' });
  await assert.rejects(bad([{ name: 'data', mountPath: '/x', subPath: 'a/../..' }]), { message: "unable to provision SubPath `a/../..`: must not contain '..'" });
  await assert.rejects(bad([{ name: 'data', mountPath: '/x', subPathExpr: '$(NOPE)' }]), { message: 'missing value for NOPE' });
}));
