// Starting one container of a pod, or holding it back, as kuberuntime's SyncPod does for each container
// computePodActions picked: CrashLoopBackOff and image pull back-off first, then the start
// (container-start.ts), then what the outcome leaves in the container's record and when the pod is
// looked at again. The pod worker (pod-worker.ts) decides which containers to start.
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import type { RunningContainer } from '../runtime/runtime.js';
import { backOffEventMessage, backOffKey, backOffMessage, imageBackOffKey, type CrashLoopBackOff } from './backoff.js';
import type { ContainerRecord } from './container-record.js';
import type { StartOutcome } from './container-start.js';
import { shouldContainerBeRestarted } from './restart.js';

const PLEG_RELIST_PERIOD_MS = 1000; // pkg/kubelet/pleg/generic.go: genericPlegRelistPeriod
// A timer may fire a little before Date.now() reaches its due time: what is due within this is due.
const TIMER_SLACK_MS = 50;

/** What launching needs from the pod worker. */
export interface LaunchContext {
  pod: Pod;
  uid: string;
  backoff: CrashLoopBackOff;
  /** The pod worker's back-off period after a failed sync (kubelet backOffPeriod). */
  backoffInitialMs: number;
  now(): number;
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** Syncs the pod again in ms. */
  after(ms: number): void;
  start(c: Container, isInit: boolean, instance: number): Promise<StartOutcome>;
  /** The container runs: watch for its exit and start its probes. */
  running(c: Container, r: ContainerRecord, running: RunningContainer, logPath: string): void;
}

export const fieldPath = (c: Container, isInit: boolean) => `spec.${isInit ? 'initContainers' : 'containers'}{${c.name}}`;

export async function launchOrBackOff(ctx: LaunchContext, c: Container, r: ContainerRecord): Promise<void> {
  const pod = ctx.pod;
  const key = backOffKey(ctx.uid, c.name);
  const imageKey = imageBackOffKey(ctx.uid, c.image ?? '');
  // A failed start is acted on when the PLEG's next relist sees the dead container (see below).
  if (r.waiting?.reason === 'RunContainerError' && notYet(ctx, r)) return;
  if (r.waiting?.reason === 'ErrImagePull' || r.waiting?.reason === 'ImagePullBackOff') {
    // pod_workers.go re-syncs a pod whose sync failed after the worker back-off period, not on
    // every update (our own status writes come back as updates).
    if (notYet(ctx, r)) return;
    // image_manager.go EnsureImageExists: within the back-off since the last failed pull the
    // container waits as ImagePullBackOff; after it, the image is pulled again. So ErrImagePull
    // shows until the second failed pull's back-off (20s) is seen, as on a real node.
    const remainingMs = ctx.backoff.inBackOffSinceUpdate(imageKey, ctx.now());
    // The retry comes when the pull back-off ends (upstream's worker re-sync lands later still):
    // a timer a hair early must pull again, not report ImagePullBackOff for another period.
    if (remainingMs > TIMER_SLACK_MS) {
      const message = `Back-off pulling image "${c.image}"`;
      r.waiting = { reason: 'ImagePullBackOff', message };
      ctx.event('Normal', 'BackOff', message, fieldPath(c, r.isInit));
      retryImageLater(ctx, r);
      return;
    }
  } else if (r.last) {
    const d = ctx.backoff.decide(key, r.last.finishedAt, ctx.now());
    if (d.backOff) {
      r.waiting = { reason: 'CrashLoopBackOff', message: backOffMessage(d.backoffMs, c.name, pod) };
      ctx.event('Warning', 'BackOff', backOffEventMessage(c.name, pod), fieldPath(c, r.isInit));
      ctx.after(d.remainingMs);
      return;
    }
  }
  if (r.last) r.restartCount++;
  const instance = r.started;
  const outcome = await ctx.start(c, r.isInit, instance);
  // An instance counts once something was created; a container still waiting (image, config)
  // has never run, so restartPolicy Never still lets it start later.
  if (!('waiting' in outcome)) r.started++;
  if (outcome.ok) {
    r.waiting = undefined;
    r.ready = false;
    r.startupPassed = false;
    r.current = { id: outcome.id, running: outcome.running, startedAt: outcome.running.startedAt, logPath: outcome.logPath };
    ctx.running(c, r, outcome.running, outcome.logPath);
  } else if ('waiting' in outcome) {
    if (r.last) r.restartCount--; // nothing ran: not a restart
    r.waiting = outcome.waiting;
    if (outcome.waiting.reason === 'ErrImagePull') {
      ctx.backoff.next(imageKey, ctx.now(), ctx.now());
      retryImageLater(ctx, r);
    } else {
      ctx.backoff.next(key, ctx.now(), ctx.now());
      ctx.after(ctx.backoff.get(key));
    }
  } else {
    const e = outcome.startError;
    r.previous = r.last;
    r.last = { exitCode: 128, reason: e.reason === 'RunContainerError' ? 'StartError' : e.reason, message: e.message, startedAt: 0, finishedAt: e.at, containerID: e.id };
    // kubelet_pods.go convertToAPIContainerStatuses shows the start failure as Waiting only for a
    // container that will be restarted; otherwise (restartPolicy Never) it stays Terminated
    // StartError, exit code 128, and `kubectl get pods` shows STATUS StartError.
    r.waiting = shouldContainerBeRestarted(pod, c, { running: false, exitCode: 128 }, r.isInit)
      ? { reason: 'RunContainerError', message: e.message }
      : undefined;
    // The kubelet notices the dead container at the PLEG's next relist (every second) and only then
    // syncs the pod again (back-off, restart): until then `kubectl get pods` shows RunContainerError.
    if (r.waiting) r.retryAt = ctx.now() + PLEG_RELIST_PERIOD_MS;
    ctx.after(r.waiting ? PLEG_RELIST_PERIOD_MS : 0);
  }
}

/**
 * Whether the container's retry is not due yet. A sync before it (another update of the pod, or a timer
 * that fired early by more than the slack, as one armed late in a long event-loop turn can) leaves it
 * alone and makes sure a sync comes when it is due.
 */
function notYet(ctx: LaunchContext, r: ContainerRecord): boolean {
  const wait = (r.retryAt ?? 0) - ctx.now();
  if (wait <= TIMER_SLACK_MS) return false;
  ctx.after(wait);
  return true;
}

/** The next sync of a container waiting for its image: one worker back-off period (kubelet backOffPeriod) away. */
function retryImageLater(ctx: LaunchContext, r: ContainerRecord): void {
  const ms = ctx.backoffInitialMs;
  r.retryAt = ctx.now() + ms;
  ctx.after(ms);
}

