// Runs a container's startup, liveness and readiness probes on their periods (prober/worker.go's
// loop, with the decisions in probes/state.ts) and reports what the pod worker must act on.
import { PassThrough } from 'node:stream';
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1.js';
import type { Clock } from '../../util/clock.js';
import type { RunningContainer, Runtime, Sandbox } from '../runtime/runtime.js';
import type { ProbeHooks, ProbeReport } from './pod-worker-host.js';
import { probeEvent, probeKillMessage, runProbe, type ProbeType } from './probes/prober.js';
import type { ExecRunner } from './probes/exec.js';
import { MAX_PROBE_OUTPUT } from './probes/result.js';
import { ProbeState } from './probes/state.js';

type EventFn = (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string) => void;

export function probeHooks(runtime: Runtime, clock: Clock, event: EventFn): ProbeHooks {
  return {
    start(pod: Pod, c: Container, running: RunningContainer, sandbox: Sandbox, report: ProbeReport) {
      const probes: Array<[ProbeType, Probe]> = [];
      if (c.startupProbe) probes.push(['startup', c.startupProbe]);
      if (c.livenessProbe) probes.push(['liveness', c.livenessProbe]);
      if (c.readinessProbe) probes.push(['readiness', c.readinessProbe]);
      if (!c.startupProbe) report.started();
      if (probes.length === 0) return { stop() {} };
      let started = !c.startupProbe;
      let stopped = false;
      const timers: NodeJS.Timeout[] = [];
      const exec: ExecRunner = (argv, timeoutMs) => execWithTimeout(runtime, sandbox, running, argv, timeoutMs);
      const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
      const fieldPath = `spec.containers{${c.name}}`;
      for (const [type, spec] of probes) {
        const state = new ProbeState(type, spec);
        let busy = false;
        const tick = async () => {
          if (stopped || busy) return;
          const facts = { containerID: running.id, running: true, startedAt: running.startedAt, started };
          if (!state.due(facts, clock.now())) return;
          busy = true;
          try {
            const outcome = await runProbe(spec, { podIP: sandbox.ip, container: c, exec });
            if (stopped) return;
            const ev = probeEvent(type, outcome);
            if (ev) event(pod, ev.type, ev.reason, ev.message, fieldPath);
            if (!state.record(outcome)) return;
            if (type === 'readiness') report.ready(state.result === 'success');
            else if (type === 'startup' && state.result === 'success') { started = true; report.started(); }
            else if (state.result === 'failure') {
              report.unhealthy(probeKillMessage(c.name, type as 'liveness' | 'startup', restartPolicy !== 'Never'));
            }
          } finally { busy = false; }
        };
        const period = state.periodMs;
        // Like the prober's workers: probe on each period tick; `due` holds off until initialDelaySeconds.
        timers.push(setInterval(() => void tick(), period));
        timers.push(setTimeout(() => void tick(), Math.min(period, 1000 * (spec.initialDelaySeconds ?? 0)) || 0));
      }
      return { stop() { stopped = true; timers.forEach((t) => clearTimeout(t)); } };
    },
  };
}

async function execWithTimeout(runtime: Runtime, sandbox: Sandbox, running: RunningContainer, argv: string[], timeoutMs: number) {
  const out = new PassThrough();
  let output = '';
  out.on('data', (d: Buffer) => { if (output.length < MAX_PROBE_OUTPUT) output += d.toString('utf8'); });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  try {
    const r = await Promise.race([runtime.exec(sandbox, running, argv, { stdout: out, stderr: out, tty: false }), timedOut]);
    if (r === 'timeout') return { exitCode: -1, output, timedOut: true };
    return { exitCode: r, output: output.slice(0, MAX_PROBE_OUTPUT) };
  } finally { clearTimeout(timer); }
}
