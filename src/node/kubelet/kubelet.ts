// The kubelet of one node: watches the pods bound to it, runs a PodWorker for each, and serves the
// streaming subresources (logs, exec, attach, port-forward) for them as a NodeConnection.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { rm } from 'node:fs/promises';
import type { Readable, Duplex } from 'node:stream';
import type { ConfigMap, Container, Pod, Secret, Service } from 'kubernetes-types/core/v1.js';
import { badRequest, notFound } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { isConflict, isNotFound, type ApiClient } from '../../client/api-client.js';
import type { EventRecorder } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import type { Clock } from '../../util/clock.js';
import type { LogOptions, NodeConnection, StreamIO } from '../connection.js';
import { readLogs } from '../logs/read-logs.js';
import type { Runtime, Sandbox } from '../runtime/runtime.js';
import { CrashLoopBackOff } from './backoff.js';
import { resolveEnv } from './env.js';
import { PodWorker } from './pod-worker.js';
import type { ProbeHooks } from './pod-worker-host.js';
import { forgetPodVolumes, podMounts } from './pod-volumes.js';

export interface KubeletOptions {
  client: ApiClient;
  nodeName: string;
  hostIP: string;
  runtime: Runtime;
  dataDir: string;
  /** Where user image definitions live (`<imagesDir>/images/*.json`, docs/images.md): the server's or agent's data dir. */
  imagesDir?: string;
  clock: Clock;
  recorder: EventRecorder;
  probes: ProbeHooks;
  log?: (msg: string) => void;
  /** CrashLoopBackOff's first delay (kubelet: 10 s); shorter for tests and demos. */
  backoffBaseMs?: number;
  /** Every Service, for the service link variables: the kubelet's service lister (an informer over
   *  all namespaces), shared by the nodes of one agent; started and synced before the kubelet. */
  services: Informer<KObject>;
}

export class Kubelet implements NodeConnection {
  private readonly workers = new Map<string, PodWorker>();
  private readonly pods: Informer<KObject>;
  private readonly podDef: KindDef;
  private readonly backoff: CrashLoopBackOff;
  private readonly recovered = new Map<string, Awaited<ReturnType<Runtime['recover']>>[number]>();
  private readonly log: (m: string) => void;
  private gcTimer?: NodeJS.Timeout;

  constructor(private readonly o: KubeletOptions) {
    this.podDef = o.client.kind('', 'Pod');
    this.backoff = o.backoffBaseMs ? new CrashLoopBackOff(o.backoffBaseMs, o.backoffBaseMs * 30) : new CrashLoopBackOff();
    this.log = o.log ?? ((m) => process.stderr.write(`kubelet ${o.nodeName}: ${m}\n`));
    this.pods = new Informer(o.client, this.podDef, { selectors: { fieldSelector: `spec.nodeName=${o.nodeName}` }, log: this.log });
  }

  async start(): Promise<void> {
    await this.recover();
    this.pods.addHandlers({
      onAdd: (p) => this.observe(p as unknown as Pod),
      onUpdate: (_o, p) => this.observe(p as unknown as Pod),
      onDelete: (p) => this.gone(p as unknown as Pod),
    });
    await this.pods.start();
    this.removeUnclaimed();
    this.gcTimer = setInterval(() => this.backoff.gc(this.o.clock.now()), 60_000);
    this.gcTimer.unref();
  }

  /** Stops watching; running containers are left for the next agent to adopt (see Runtime.close to remove them). */
  stop(): void {
    this.pods.stop();
    if (this.gcTimer) clearInterval(this.gcTimer);
    for (const w of this.workers.values()) w.detach();
  }

  /**
   * What a previous agent process left: sandboxes of pods still bound here are adopted by their pod
   * workers (running containers keep running, finished ones report their exit); the rest go once the
   * pod list is known.
   */
  private async recover(): Promise<void> {
    for (const r of await this.o.runtime.recover()) this.recovered.set(r.sandbox.podUid, r);
  }

  private removeUnclaimed(): void {
    for (const [uid, r] of this.recovered) {
      this.recovered.delete(uid);
      this.log(`removing sandbox ${r.sandbox.id} of a pod no longer on this node`);
      this.o.runtime.removeSandbox(r.sandbox).catch((e) => this.log(`removing sandbox ${r.sandbox.id}: ${String(e)}`));
    }
  }

  private observe(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    const w = this.workers.get(uid);
    if (w) { w.update(pod); return; }
    const phase = pod.status?.phase;
    if ((phase === 'Succeeded' || phase === 'Failed') && !pod.metadata?.deletionTimestamp) return; // finished before we started
    const adopted = this.recovered.get(uid);
    this.recovered.delete(uid);
    const worker = new PodWorker(pod, this.host(), adopted);
    this.workers.set(uid, worker);
    worker.kick();
  }

  /** The pod left the API (force-deleted): stop everything at once. */
  private gone(pod: Pod): void {
    const w = this.workers.get(pod.metadata!.uid!);
    if (!w) return;
    w.update({ ...w.current, metadata: { ...w.current.metadata, deletionTimestamp: w.current.metadata?.deletionTimestamp ?? new Date().toISOString(), deletionGracePeriodSeconds: 0 } });
  }

  private podDir(pod: Pod): string {
    const m = pod.metadata!;
    return join(this.o.dataDir, 'pods', `${m.namespace}_${m.name}_${m.uid}`);
  }

  private host() {
    const { client, clock, runtime, recorder, dataDir, nodeName, hostIP } = this.o;
    const podDef = this.podDef;
    return {
      runtime, clock, backoff: this.backoff, dataDir: this.o.imagesDir ?? dataDir, hostIP, probes: this.o.probes, log: this.log,
      podDir: (pod: Pod) => this.podDir(pod),
      event: (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string) =>
        recorder.event(pod as unknown as KObject, type, reason, message, { fieldPath }),
      writeStatus: async (pod: Pod, compute: (fresh: Pod) => KObject['status']) => {
        // From the worker's copy of the pod (the informer's latest): nothing to write when the status
        // is what is stored, else one PUT with that copy's resourceVersion; only a conflict (a newer
        // pod than the copy) pays for a fresh read.
        const status = compute(pod);
        if (isDeepStrictEqual(status, pod.status)) return;
        try {
          await client.updateStatus(podDef, { ...(pod as unknown as KObject), status });
        } catch (e) {
          if (isNotFound(e)) return;
          if (!isConflict(e)) throw e;
          try {
            await client.mutate(podDef, pod.metadata!.namespace, pod.metadata!.name!, (cur) => {
              if (cur.metadata.uid !== pod.metadata!.uid) throw notFound({ group: '', resource: 'pods' }, pod.metadata!.name!);
              return { ...cur, status: compute(cur as unknown as Pod) };
            }, { subresource: 'status' });
          } catch (e2) { if (!isNotFound(e2)) throw e2; }
        }
      },
      confirmDeleted: async (pod: Pod) => {
        try {
          await client.delete(podDef, pod.metadata!.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata!.uid } });
        } catch (e) { if (!isNotFound(e) && (e as { reason?: string }).reason !== 'Conflict') throw e; }
      },
      forget: (uid: string) => {
        const w = this.workers.get(uid);
        this.workers.delete(uid);
        forgetPodVolumes(uid);
        // In the background: a recursive delete per pod on the event loop held up every other pod.
        if (w) void rm(this.podDir(w.current), { recursive: true, force: true }).catch((e: Error) => this.log(`removing ${this.podDir(w.current)}: ${e.message}`));
      },
      env: async (pod: Pod, c: Container, sandbox: Sandbox) => {
        // From the service lister, as kubelet's getServiceEnvVarMap: no API call per container.
        const services = [...this.o.services.list()] as unknown as Service[];
        return resolveEnv(pod, c, {
          configMap: async (n, name) => (await client.get(client.kind('', 'ConfigMap'), n, name)) as unknown as ConfigMap,
          secret: async (n, name) => (await client.get(client.kind('', 'Secret'), n, name)) as unknown as Secret,
        }, { podIPs: [sandbox.ip], hostIPs: [hostIP], nodeName, services });
      },
      mounts: (pod: Pod, c: Container) => podMounts(client, pod, c, this.podDir(pod)),
    };
  }

  // ---- NodeConnection: the streaming subresources for pods on this node ----

  private worker(namespace: string, name: string): PodWorker {
    for (const w of this.workers.values()) {
      const m = w.current.metadata!;
      if (m.namespace === namespace && m.name === name) return w;
    }
    throw notFound({ group: '', resource: 'pods' }, name);
  }

  async logs(namespace: string, pod: string, opts: LogOptions): Promise<Readable> {
    const w = this.worker(namespace, pod);
    const r = w.record(opts.container);
    if (!r) throw badRequest(`container ${opts.container} is not valid for pod ${pod}`);
    if (opts.previous) {
      const prev = r.current ? r.last : r.previous;
      if (!prev?.logPath) throw badRequest(`previous terminated container "${opts.container}" in pod "${pod}" not found`);
      return readLogs(prev.logPath, { ...opts, follow: false });
    }
    const path = r.current?.logPath ?? r.last?.logPath;
    if (!path) throw badRequest(`container "${opts.container}" in pod "${pod}" is waiting to start: ${r.waiting?.reason ?? 'ContainerCreating'}`);
    return readLogs(path, { ...opts, follow: opts.follow && !!r.current, done: r.current?.running.exited });
  }

  async exec(namespace: string, pod: string, container: string, command: string[], io: StreamIO): Promise<{ exitCode: number }> {
    const w = this.worker(namespace, pod);
    const r = w.record(container);
    if (!r?.current || !w.podSandbox) throw badRequest(`container ${container} is not running`);
    const exitCode = await this.o.runtime.exec(w.podSandbox, r.current.running, command, { stdin: io.stdin, stdout: io.stdout!, stderr: io.stderr ?? io.stdout!, tty: io.tty });
    return { exitCode };
  }

  async attach(namespace: string, pod: string, container: string, io: StreamIO): Promise<void> {
    const w = this.worker(namespace, pod);
    const r = w.record(container);
    const running = r?.current?.running;
    if (!running) throw badRequest(`container ${container} is not running`);
    if (io.stdin && running.stdin) {
      const stdin = running.stdin;
      io.stdin.pipe(stdin, { end: false });
      // stdinOnce (kubectl run -i): the container's stdin closes when the first attach session's does.
      const spec = [...(w.current.spec?.initContainers ?? []), ...(w.current.spec?.containers ?? [])].find((c) => c.name === container);
      if (spec?.stdinOnce) {
        const close = () => { if (!stdin.writableEnded) stdin.end(); };
        io.stdin.once('end', close);
        io.stdin.once('close', close);
      }
    }
    if (running.output) {
      if (io.stdout) running.output.stdout.pipe(io.stdout, { end: false });
      if (io.stderr) running.output.stderr.pipe(io.stderr, { end: false });
    }
    await running.exited;
  }

  async portForward(namespace: string, pod: string, port: number): Promise<Duplex> {
    const w = this.worker(namespace, pod);
    if (!w.podSandbox) throw badRequest(`pod ${pod} has no sandbox yet`);
    return this.o.runtime.connect(w.podSandbox, port);
  }
}
