import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { Discovery } from '../../apiserver/discovery.js';
import type { Transport } from '../../client/http-transport.js';
import type { ClusterAccess } from '../../client/kubeconfig.js';
import { FakeClock } from '../../util/clock.js';
import { CliContext } from './context.js';
import { DISCOVERY_CACHE_TTL_MS, discoveryCacheFile, readCachedResources, writeCachedResources } from './discovery-cache.js';
import { discoverResources, qualifiedName, ResourceNotFound, type ApiResource } from './resources.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-cli-context-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The server's own aggregated discovery, served by a fake transport that counts discovery requests.
const discovery = new Discovery(allKinds, '127.0.0.1:6443');
function fakeServer() {
  const t = {
    requests: 0,
    json: async ({ path }: { path: string }) => { t.requests++; return JSON.parse(discovery.aggregated(path === '/api', 'v2').body) as unknown; },
    close: () => {},
  };
  return t;
}
const served = await discoverResources(fakeServer() as unknown as Transport);
const T0 = Date.UTC(2025, 0, 1);
let n = 0;

/** A context whose cache file holds `cached` (written at T0) or nothing, with the clock at `now`. */
function setup(cached: ApiResource[] | undefined, now = T0 + 1000) {
  const server = fakeServer();
  const file = discoveryCacheFile(join(dir, `c${n++}`), 'https://127.0.0.1:6443');
  if (cached) { writeCachedResources(file, cached); utimesSync(file, T0 / 1000, T0 / 1000); }
  const access = { server: 'https://127.0.0.1:6443', namespace: 'default', insecureSkipTlsVerify: false, files: [] } as ClusterAccess;
  const ctx = new CliContext(access, server as unknown as Transport, 'default', false, file, new FakeClock(now));
  return { ctx, server, file };
}
const names = (rs: ApiResource[]) => rs.map(qualifiedName);
const withoutJobs = served.filter((r) => r.resource !== 'jobs');

test('a recent cache answers without a request', async () => {
  const { ctx, server } = setup(served);
  assert.deepEqual(names(await ctx.resolve('po')), ['pods']);
  assert.equal(server.requests, 0);
});

test('no cache: one discovery (/api and /apis), then written for the next command', async () => {
  const { ctx, server, file } = setup(undefined);
  assert.deepEqual(names(await ctx.resolve('jobs')), ['jobs.batch']);
  await ctx.resolve('po');
  assert.equal(server.requests, 2);
  assert.deepEqual(readCachedResources(file, T0), served);
});

test('an expired cache is fetched again and rewritten', async () => {
  const { ctx, server, file } = setup(withoutJobs, T0 + DISCOVERY_CACHE_TTL_MS);
  assert.deepEqual(names(await ctx.allResources()), names(served));
  assert.equal(server.requests, 2);
  assert.deepEqual(readCachedResources(file, T0 + DISCOVERY_CACHE_TTL_MS), served);
});

test('a name the cache lacks re-discovers once, finds it and rewrites the cache', async () => {
  const { ctx, server, file } = setup(withoutJobs);
  assert.deepEqual(names(await ctx.resolve('job')), ['jobs.batch']);
  await ctx.resolve('cj');
  assert.equal(server.requests, 2);
  assert.deepEqual(readCachedResources(file, T0 + 1000), served);
});

test('a name nobody serves: one re-discovery, then kubectl\'s error', async () => {
  const { ctx, server } = setup(served);
  await assert.rejects(ctx.resolve('foos'), (e: unknown) => e instanceof ResourceNotFound && e.message === 'the server doesn\'t have a resource type "foos"');
  await assert.rejects(ctx.resolve('bars'), ResourceNotFound);
  assert.equal(server.requests, 2); // the second miss is against a fresh table: no request
});

test('lookup re-discovers on a miss (apply\'s kind lookup)', async () => {
  const { ctx, server } = setup(withoutJobs);
  const r = await ctx.lookup((all) => all.find((x) => x.group === 'batch' && x.version === 'v1' && x.kind === 'Job'));
  assert.equal(r?.resource, 'jobs');
  assert.equal(server.requests, 2);
});

test('allResources({ fresh }) asks the server even when the cache is recent (api-resources)', async () => {
  const { ctx, server } = setup(withoutJobs);
  assert.deepEqual(names(await ctx.allResources({ fresh: true })), names(served));
  await ctx.allResources({ fresh: true });
  assert.equal(server.requests, 2);
});

test('a cache that cannot be written still serves the command', async () => {
  const blocker = join(dir, 'blocker');
  writeFileSync(blocker, '');
  const server = fakeServer();
  const access = { server: 'https://127.0.0.1:6443', namespace: 'default', insecureSkipTlsVerify: false, files: [] } as ClusterAccess;
  const ctx = new CliContext(access, server as unknown as Transport, 'default', false, discoveryCacheFile(blocker, access.server), new FakeClock(T0));
  assert.deepEqual(names(await ctx.resolve('po')), ['pods']);
});
