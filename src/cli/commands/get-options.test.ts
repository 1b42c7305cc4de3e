import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { Discovery } from '../../apiserver/discovery.js';
import type { RequestOptions, Transport } from '../../client/http-transport.js';
import type { ClusterAccess } from '../../client/kubeconfig.js';
import { FakeClock } from '../../util/clock.js';
import { CliContext, type GlobalFlags } from '../core/context.js';
import { discoveryCacheFile, writeCachedResources } from '../core/discovery-cache.js';
import { discoverResources, TABLE_ACCEPT } from '../core/resources.js';
import { prefetch } from './get-options.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-get-options-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const discovery = new Discovery(allKinds, '127.0.0.1:6443');
const served = await discoverResources({ json: async ({ path }: { path: string }) => JSON.parse(discovery.aggregated(path === '/api', 'v2').body) as unknown } as unknown as Transport);
const server = 'https://127.0.0.1:6443';
const cacheFile = discoveryCacheFile(dir, server);
writeCachedResources(cacheFile, served);

/** What prefetch asks for, given the flags the early context was made from. */
async function prefetched(argv: string[], flags: GlobalFlags = {}): Promise<RequestOptions[]> {
  const asked: RequestOptions[] = [];
  const transport = { prefetch: (o: RequestOptions) => asked.push(o), json: async () => { throw new Error('no discovery expected'); }, close: () => {} };
  const access = { server, namespace: 'default', insecureSkipTlsVerify: false, files: [] } as ClusterAccess;
  const ctx = new CliContext(access, transport as unknown as Transport, flags.namespace ?? 'default', flags.namespace !== undefined, cacheFile, new FakeClock(Date.now()));
  prefetch(argv, { flags, ctx });
  await new Promise((r) => setImmediate(r));
  return asked;
}

const table = (path: string) => [{ method: 'GET', path, accept: TABLE_ACCEPT }];
const cases: Array<[string, string[], GlobalFlags, RequestOptions[]]> = [
  ['one type', ['pods'], {}, table('/api/v1/namespaces/default/pods?limit=500')],
  ['-o wide and a short name', ['po', '-o', 'wide'], {}, table('/api/v1/namespaces/default/pods?limit=500')],
  ['all namespaces', ['jobs', '-A'], {}, table('/apis/batch/v1/jobs?limit=500')],
  ['-n as the early context read it', ['pods', '-n', 'x'], { namespace: 'x' }, table('/api/v1/namespaces/x/pods?limit=500')],
  ['selectors, and whole objects for --sort-by', ['pods', '-l', 'app=a', '--field-selector', 'status.phase=Running', '--sort-by', '{.metadata.name}'], {},
    table('/api/v1/namespaces/default/pods?labelSelector=app%3Da&fieldSelector=status.phase%3DRunning&includeObject=Object&limit=500')],
  ['not for a name', ['pods', 'web'], {}, []],
  ['not for type/name', ['pod/web'], {}, []],
  ['not for several types', ['pods,jobs'], {}, []],
  ['not for a category', ['all'], {}, []],
  ['not for -o yaml', ['pods', '-o', 'yaml'], {}, []],
  ['not for --watch', ['pods', '-w'], {}, []],
  ['not for --raw', ['--raw', '/api'], {}, []],
  ['not for --help', ['pods', '--help'], {}, []],
  ['not for a flag error', ['pods', '--nosuch'], {}, []],
  ['not when the early context read other flags', ['pods', '-n', 'x'], {}, []],
  ['not for an unknown type', ['foos'], {}, []],
];
for (const [name, argv, flags, want] of cases) {
  test(`prefetch: ${name}`, async () => assert.deepEqual(await prefetched(argv, flags), want));
}
