import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { defaultCacheDir, DISCOVERY_CACHE_TTL_MS, discoveryCacheFile, readCachedResources, writeCachedResources } from './discovery-cache.js';
import type { ApiResource } from './resources.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-discovery-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const pods: ApiResource = {
  group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true,
  shortNames: ['po'], categories: ['all'], verbs: ['get', 'list'], subresources: ['log'],
};
const T0 = Date.UTC(2025, 0, 1);
/** A cache file written at `at` (its mtime, which is what the TTL is measured from). */
function written(name: string, resources: ApiResource[], at = T0): string {
  const file = join(dir, name, 'kubelite-resources.json');
  writeCachedResources(file, resources);
  utimesSync(file, at / 1000, at / 1000);
  return file;
}

const places: Array<[string, NodeJS.ProcessEnv, string, string]> = [
  ['~/.kubelite/cache by default', {}, 'https://127.0.0.1:6443', '/home/u/.kubelite/cache/discovery/127.0.0.1_6443/kubelite-resources.json'],
  ['KUBECACHEDIR, as kubectl reads it', { KUBECACHEDIR: '/c' }, 'https://127.0.0.1:6443', '/c/discovery/127.0.0.1_6443/kubelite-resources.json'],
  ['a path and odd characters become directories and _', {}, 'http://[::1]:8080/k8s', '/home/u/.kubelite/cache/discovery/___1__8080/k8s/kubelite-resources.json'],
  ['a host name keeps its dots', {}, 'https://api.example.com', '/home/u/.kubelite/cache/discovery/api.example.com/kubelite-resources.json'],
];
for (const [name, env, server, want] of places) {
  test(`cache file: ${name}`, () => assert.equal(discoveryCacheFile(defaultCacheDir(env, '/home/u'), server), want));
}

test('a table read back within the TTL is the table written', () => {
  const file = written('hit', [pods]);
  assert.deepEqual(readCachedResources(file, T0 + DISCOVERY_CACHE_TTL_MS - 1), [pods]);
});

test('a table as old as the TTL is a miss', () => {
  const file = written('expired', [pods]);
  assert.equal(readCachedResources(file, T0 + DISCOVERY_CACHE_TTL_MS), undefined);
});

const unreadable: Array<[string, string | undefined]> = [
  ['no file', undefined],
  ['not JSON', '{"format":1,"resources":['],
  ['another format', JSON.stringify({ format: 0, resources: [pods] })],
  ['an empty table', JSON.stringify({ format: 1, resources: [] })],
  ['an entry of another shape', JSON.stringify({ format: 1, resources: [{ ...pods, verbs: 'get' }] })],
  ['null', 'null'],
];
for (const [name, text] of unreadable) {
  test(`a miss, not an error: ${name}`, () => {
    const file = join(dir, `bad-${name.replace(/\W/g, '-')}.json`);
    if (text !== undefined) { writeFileSync(file, text); utimesSync(file, T0 / 1000, T0 / 1000); }
    assert.equal(readCachedResources(file, T0), undefined);
  });
}

test('writing replaces the file whole and leaves no temporary file', () => {
  const file = written('replace', [pods]);
  writeCachedResources(file, [{ ...pods, shortNames: [] }]);
  assert.deepEqual(readdirSync(dirname(file)), ['kubelite-resources.json']);
  assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as { resources: ApiResource[] }).resources[0]!.shortNames, []);
});

test('an unwritable cache directory is not an error', () => {
  const blocker = join(dir, 'a-file');
  writeFileSync(blocker, 'x'); // a directory cannot be made below a file (ENOTDIR, whoever runs the test)
  const file = join(blocker, 'discovery', 'h_1', 'kubelite-resources.json');
  assert.doesNotThrow(() => writeCachedResources(file, [pods]));
  assert.equal(readCachedResources(file, T0), undefined);
});
