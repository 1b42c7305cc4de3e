// What the pod worker remembers of one container across its instances: the running one, the last
// finished one, restarts, and the waiting reason to report — the input to container-status.ts.
import type { RunningContainer } from '../runtime/runtime.js';
import type { ContainerFacts, StateFacts, TerminatedFacts } from './container-status.js';

export interface ContainerRecord {
  name: string;
  isInit: boolean;
  restartCount: number;
  /** Instances started so far (the next instance's log is `<started>.log`). */
  started: number;
  current?: { id: string; running: RunningContainer; startedAt: number; logPath: string };
  /** The most recent finished instance. */
  last?: TerminatedFacts & { logPath?: string };
  /** The one before it (for lastState while `last` is the current state). */
  previous?: TerminatedFacts & { logPath?: string };
  waiting?: { reason: string; message?: string };
  /** While waiting for its image: when the pod worker looks at it again. */
  retryAt?: number;
  ready: boolean;
  startupPassed: boolean;
}

export function newRecord(name: string, isInit: boolean): ContainerRecord {
  return { name, isInit, restartCount: 0, started: 0, ready: false, startupPassed: false };
}

/** The facts status.ts turns into a ContainerStatus. */
export function factsOf(r: ContainerRecord, hasStartupProbe: boolean, hasReadinessProbe: boolean): ContainerFacts {
  let state: StateFacts;
  let lastTerminated: TerminatedFacts | undefined;
  if (r.current) {
    state = { running: { startedAt: r.current.startedAt } };
    lastTerminated = r.last;
  } else if (r.waiting) {
    state = { waiting: r.waiting };
    lastTerminated = r.last;
  } else if (r.last) {
    state = { terminated: r.last };
    lastTerminated = r.previous;
  } else {
    state = { waiting: { reason: 'ContainerCreating' } };
  }
  const running = !!r.current;
  return {
    name: r.name,
    state,
    lastTerminated,
    restartCount: r.restartCount,
    ready: running && (hasReadinessProbe ? r.ready : true) && (hasStartupProbe ? r.startupPassed : true),
    started: running && (hasStartupProbe ? r.startupPassed : true),
    containerID: r.current?.id ?? r.last?.containerID,
  };
}
