// `kubelite server`: the store, the API server and the controllers in one process.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allKinds } from '../api/kinds/index.js';
import { ApiServer } from '../apiserver/server.js';
import { LocalClient } from '../client/local-client.js';
import { GarbageCollector } from '../controllers/garbage-collector/garbage-collector.js';
import { NamespaceController } from '../controllers/namespace/namespace-controller.js';
import { openStore, type StoreKind } from '../store/index.js';
import { realClock, type Clock } from '../util/clock.js';
import { bootstrap } from './bootstrap.js';
import { kubeconfigYaml, loadOrCreateToken, writeSecretFile } from './kubeconfig.js';
import { loadOrCreateTls } from './tls.js';

export interface ServerOptions {
  dataDir: string;
  port: number;
  bindAddress: string;
  store: StoreKind;
  clock?: Clock;
  log?: (msg: string) => void;
}

export interface RunningServer {
  port: number;
  url: string;
  kubeconfigPath: string;
  token: string;
  /** The cluster CA (PEM) clients trust. */
  caPem: string;
  api: ApiServer;
  client: LocalClient;
  /** Resolves once every controller has listed the world and is watching. */
  controllersStarted: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const token = loadOrCreateToken(opts.dataDir);
  const loopbackOrAny = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'];
  const tls = await loadOrCreateTls(opts.dataDir, loopbackOrAny.includes(opts.bindAddress) ? [] : [opts.bindAddress]);
  const store = openStore(opts.store, opts.dataDir);
  const clock = opts.clock ?? realClock;
  const api = new ApiServer({ store, kinds: allKinds, clock, token, host: opts.bindAddress, port: opts.port, tls: { cert: tls.certPem, key: tls.keyPem }, log });
  let port: number;
  try {
    port = await api.listen();
  } catch (e) {
    await store.close();
    throw e;
  }
  const client = new LocalClient(api.registry, allKinds);
  const controllers = [new NamespaceController(client, log), new GarbageCollector(client, log)];
  try {
    await bootstrap(client, port);
  } catch (e) {
    // A failed start must not leave a listening socket behind: the process would never exit.
    for (const c of controllers) c.stop();
    await api.close();
    await store.close();
    throw e;
  }
  const host = opts.bindAddress === '0.0.0.0' || opts.bindAddress === '::' ? '127.0.0.1' : opts.bindAddress;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const kubeconfigPath = join(opts.dataDir, 'kubeconfig');
  writeSecretFile(kubeconfigPath, kubeconfigYaml(url, token, tls.caPem));
  api.setReady(true);
  // The API is ready before the controllers have read the world (as kube-apiserver is before the
  // controller manager): with many objects stored, their initial lists must not delay readiness.
  const controllersStarted = (async () => {
    for (const c of controllers) await c.start();
  })().catch((e) => log(`controllers failed to start: ${e instanceof Error ? e.stack : String(e)}`));
  let closed = false;
  return {
    port, url, kubeconfigPath, token, caPem: tls.caPem, api, client, controllersStarted,
    async close() {
      if (closed) return;
      closed = true;
      await controllersStarted;
      for (const c of controllers) c.stop();
      await api.close();
      await store.close();
    },
  };
}
