import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ImagePullError, resolveImage } from './resolve.js';

const dataDir = mkdtempSync(join(tmpdir(), 'kubelite-images-'));
test.after(() => rmSync(dataDir, { recursive: true, force: true }));

const builtins = [
  { image: 'hello-world', builtin: 'hello-world', program: 'hello-world.js' },
  { image: 'luksa/kubia', builtin: 'luksa/kubia', program: 'kubia.js' },
  { image: 'luksa/kubia:latest', builtin: 'luksa/kubia', program: 'kubia.js' },
  { image: 'docker.io/luksa/kubia', builtin: 'luksa/kubia', program: 'kubia.js' },
  { image: 'luksa/kubia-unhealthy', builtin: 'luksa/kubia-unhealthy', program: 'kubia-unhealthy.js' },
  { image: 'luksa/batch-job', builtin: 'luksa/batch-job', program: 'batch-job.js' },
  { image: 'luksa/ssd-monitor', builtin: 'luksa/ssd-monitor', program: 'ssd-monitor.js' },
];
for (const c of builtins) {
  test(`${c.image} is the built-in ${c.builtin}, run by this node binary`, () => {
    const r = resolveImage(c.image, {}, { dataDir });
    assert.equal(r.builtin, c.builtin);
    assert.equal(r.hostCommand, false);
    assert.equal(r.entrypoint[0], process.execPath);
    assert.ok(r.entrypoint[1].endsWith(`/builtin/${c.program}`), r.entrypoint[1]);
    assert.ok(statSync(r.entrypoint[1]).isFile());
    assert.equal(r.sizeBytes, statSync(r.entrypoint[1]).size);
  });
}

test('an unknown image with a command runs the command on the host', () => {
  assert.deepEqual(resolveImage('centos:7', { command: ['sleep', '5'] }, { dataDir }),
    { entrypoint: [], cmd: [], env: [], hostCommand: true, sizeBytes: 0 });
});

const pullFailures = [
  { image: 'foo', container: {}, ref: 'docker.io/library/foo:latest' },
  { image: 'centos:7', container: { args: ['x'] }, ref: 'docker.io/library/centos:7' },
  { image: 'quay.io/x/y:2', container: { command: [] }, ref: 'quay.io/x/y:2' },
];
for (const c of pullFailures) {
  test(`${c.image} without a command fails to pull`, () => {
    assert.throws(() => resolveImage(c.image, c.container, { dataDir }), (e) => {
      assert.ok(e instanceof ImagePullError);
      assert.ok(e.message.startsWith(`rpc error: code = NotFound desc = failed to pull and unpack image "${c.ref}": failed to resolve reference "${c.ref}": ${c.ref}: not found (kubelite has no registry`), e.message);
      return true;
    });
  });
}

test('a user image definition gives entrypoint, cmd, env, workingDir and writes its files', () => {
  mkdirSync(join(dataDir, 'images', 'myorg'), { recursive: true });
  const definition = JSON.stringify({
    entrypoint: ['sh', './run.sh'], cmd: ['--port', '80'], env: ['A=1', 'B=x=y'],
    files: { 'run.sh': { content: 'echo hi\n', mode: 0o755 }, 'conf/app.conf': 'x=1\n' },
  });
  writeFileSync(join(dataDir, 'images', 'myorg', 'app.json'), definition);
  const r = resolveImage('docker.io/myorg/app:3', {}, { dataDir });
  const root = join(dataDir, 'images', 'myorg', 'app.d');
  assert.deepEqual(r, {
    entrypoint: ['sh', './run.sh'], cmd: ['--port', '80'],
    env: [['A', '1'], ['B', 'x=y'], ['KUBELITE_IMAGE_DIR', root]], workingDir: root, hostCommand: false, sizeBytes: definition.length,
  });
  assert.equal(readFileSync(join(root, 'conf/app.conf'), 'utf8'), 'x=1\n');
  assert.equal(statSync(join(root, 'run.sh')).mode & 0o777, 0o755);
});

test('a tagged definition wins over the untagged one', () => {
  writeFileSync(join(dataDir, 'images', 'myorg', 'app:2.json'), JSON.stringify({ cmd: ['two'], workingDir: '/tmp', env: { C: '3' } }));
  const r = resolveImage('myorg/app:2', {}, { dataDir });
  assert.deepEqual(r.cmd, ['two']);
  assert.equal(r.workingDir, '/tmp');
  assert.deepEqual(r.env[0], ['C', '3']);
});

test('a broken or escaping definition fails as a pull', () => {
  writeFileSync(join(dataDir, 'images', 'bad.json'), '{');
  assert.throws(() => resolveImage('bad', {}, { dataDir }), ImagePullError);
  writeFileSync(join(dataDir, 'images', 'escape.json'), JSON.stringify({ files: { '../x': 'y' } }));
  assert.throws(() => resolveImage('escape', {}, { dataDir }), /must stay inside the image/);
});
