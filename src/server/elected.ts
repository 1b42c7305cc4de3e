// What only one server may run at a time (the controller manager, the scheduler), each behind its own
// Lease in kube-system as kube-controller-manager and kube-scheduler are. Losing the lease stops the
// set; winning it again builds a fresh one (controllers are not restartable after stop).
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../client/api-client.js';
import type { Controller } from '../controllers/index.js';
import { LeaderElector } from '../controllers/shared/leader-election.js';
import type { Clock } from '../util/clock.js';
import { writeSecretFile } from './kubeconfig.js';

/** hostname_<id kept in the data dir>: a restarted server is the same candidate and takes its leases back at once. */
export function electionIdentity(dataDir: string): string {
  const file = join(dataDir, 'server-id');
  let id = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!id) {
    id = randomUUID();
    writeSecretFile(file, `${id}\n`);
  }
  return `${hostname()}_${id}`;
}

export interface ElectedSet {
  /** Resolves once this server leads and the set has started. */
  started: Promise<void>;
  stop(): Promise<void>;
}

export function runElected(client: ApiClient, lease: string, identity: string, clock: Clock, log: (m: string) => void, build: () => Controller[]): ElectedSet {
  const elector = new LeaderElector({ client, name: lease, identity, clock, log });
  let running: Controller[] = [];
  let starting = Promise.resolve();
  let resolveStarted!: () => void;
  const started = new Promise<void>((r) => (resolveStarted = r));
  elector.run(() => {
    log(`successfully acquired lease kube-system/${lease}`);
    const set = build();
    running = set;
    starting = (async () => { for (const c of set) await c.start(); })()
      .catch((e: unknown) => log(`${lease}: start failed: ${e instanceof Error ? e.stack : String(e)}`))
      .finally(resolveStarted);
  }, () => {
    log(`${lease}: lost the lease; stopping until it is won again`);
    for (const c of running) c.stop();
    running = [];
  });
  return {
    started,
    async stop() {
      resolveStarted(); // a server that never led must still be able to close
      await starting;
      for (const c of running) c.stop();
      running = [];
      await elector.stop();
    },
  };
}
