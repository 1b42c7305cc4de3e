// Test support: an API server over TLS on a loopback port with the pod-stream upgrade hook wired as
// server.ts is expected to wire it, plus a kubeconfig for the real kubectl.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unauthorized } from '../../../api/errors.js';
import { allKinds } from '../../../api/kinds/index.js';
import { LocalClient } from '../../../client/local-client.js';
import type { NodeConnections } from '../../../node/connection.js';
import { bootstrap } from '../../../server/bootstrap.js';
import { kubeconfigYaml } from '../../../server/kubeconfig.js';
import { loadOrCreateTls } from '../../../server/tls.js';
import { openStore } from '../../../store/index.js';
import { realClock } from '../../../util/clock.js';
import { Discovery } from '../../discovery.js';
import { sendError } from '../../http/respond.js';
import { Registry } from '../../registry/registry.js';
import { createRouter } from '../../router.js';
import { rejectUpgrade } from '../../streaming/websocket.js';
import type { ApiContext } from '../context.js';
import { podStreamUpgrade } from './index.js';

export interface StreamTestServer { url: string; kubeconfig: string; token: string; client: LocalClient; close(): Promise<void> }

export async function startStreamTestServer(nodes: NodeConnections): Promise<StreamTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelite-streams-'));
  const token = 'stream-test-token';
  const tls = await loadOrCreateTls(dir, []);
  const store = openStore('memory', dir);
  const registry = new Registry(store, realClock, allKinds.find((k) => k.kind === 'Namespace' && k.group === '')!);
  const abort = new AbortController();
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const ctx: ApiContext = { registry, discovery: new Discovery(allKinds, '127.0.0.1:0'), clock: realClock, log, shutdown: abort.signal };
  const route = createRouter(ctx, () => true, nodes);
  const authorized = (h: string | undefined) => h === `Bearer ${token}`;
  const http: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    if (!authorized(req.headers.authorization)) { req.resume(); sendError(res, unauthorized(), log); return; }
    route(req, res, new URL(req.url ?? '/', 'http://localhost')).catch((err) => sendError(res, err, log));
  });
  http.on('upgrade', (req, socket, head: Buffer) => {
    if (!authorized(req.headers.authorization)) { rejectUpgrade(socket, unauthorized()); return; }
    void podStreamUpgrade(ctx, nodes, req, socket, head);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const client = new LocalClient(registry, allKinds);
  await bootstrap(client, port);
  const url = `https://127.0.0.1:${port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigYaml(url, token, tls.caPem), { mode: 0o600 });
  return {
    url, kubeconfig, token, client,
    async close() {
      abort.abort();
      await new Promise<void>((resolve) => { http.close(() => resolve()); http.closeAllConnections(); });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
