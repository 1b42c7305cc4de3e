// A kubelet's watch (pods with fieldSelector spec.nodeName=<node>) over HTTP: the server offers it
// only the events of its node's pods (indexed as the watch cache indexes by spec.nodeName), and a pod
// that is bound to the node, changes and goes shows up as ADDED, MODIFIED and DELETED.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from './harness.js';
import { apiRequest, watchEvents } from './https.js';

let server: TestServer;
before(async () => { server = await startTestServer({ apiOnly: true }); });
after(async () => { await server.stop(); });

const pod = (name: string, nodeName?: string) => JSON.stringify({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'main', image: 'busybox' }] },
});

async function call(method: string, path: string, body?: string, want = 201): Promise<{ metadata: { resourceVersion: string } }> {
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : undefined;
  const r = await apiRequest(server, method, path, body === undefined ? {} : { body, contentType });
  assert.equal(r.status, want, `${method} ${path}: ${r.body}`);
  return JSON.parse(r.body) as { metadata: { resourceVersion: string } };
}

test('a watch of one node\'s pods sees a pod bound there, changed and deleted, and nothing of other nodes', async () => {
  const pods = '/api/v1/namespaces/default/pods';
  const rv = (await call('GET', pods, undefined, 200)).metadata.resourceVersion;
  const seen = watchEvents(server, `/api/v1/pods?watch=1&fieldSelector=spec.nodeName%3Dn1&resourceVersion=${rv}`,
    (evs) => evs.some((e) => e.type === 'DELETED'));
  await call('POST', pods, pod('p1'));
  await call('POST', pods, pod('elsewhere', 'n2'));
  await call('POST', `${pods}/p1/binding`, JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p1' }, target: { kind: 'Node', name: 'n1' } }));
  await call('PATCH', `${pods}/elsewhere`, JSON.stringify({ metadata: { labels: { a: 'b' } } }), 200);
  await call('PATCH', `${pods}/p1`, JSON.stringify({ metadata: { labels: { a: 'b' } } }), 200);
  await call('POST', pods, pod('direct', 'n1'));
  await call('DELETE', `${pods}/p1`, JSON.stringify({ gracePeriodSeconds: 0 }), 200);
  const { events } = await seen;
  const names = events.map((e) => `${e.type} ${(e.object as { metadata: { name: string } }).metadata.name}`);
  assert.deepEqual(names, ['ADDED p1', 'MODIFIED p1', 'ADDED direct', 'DELETED p1']);
});

test('its bookmarks move on with events of other nodes\' pods it is not sent', async () => {
  const pods = '/api/v1/namespaces/default/pods';
  const rv = (await call('GET', pods, undefined, 200)).metadata.resourceVersion;
  const seen = watchEvents(server, `/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&fieldSelector=spec.nodeName%3Dn1&resourceVersion=${rv}`,
    (evs) => evs.some((e) => e.type === 'BOOKMARK'));
  const other = await call('POST', pods, pod('on-n3', 'n3'));
  const { events } = await seen;
  assert.deepEqual(events.map((e) => e.type), ['BOOKMARK']);
  const bookmarked = Number((events[0]!.object as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
  assert.ok(bookmarked >= Number(other.metadata.resourceVersion), `bookmark at ${bookmarked}, the n3 pod at ${other.metadata.resourceVersion}`);
});
