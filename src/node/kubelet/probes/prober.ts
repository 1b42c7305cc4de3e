// Running one probe of a container as pkg/kubelet/prober/prober.go does: the handler picked from the
// spec, the port by number or by the container's port name, host defaulting to the pod IP, up to 3
// attempts while the prober itself errors, and the Unhealthy / Killing event texts.
import type { Container, Probe } from 'kubernetes-types/core/v1.js';
import { execProbe, type ExecRunner } from './exec.js';
import { httpProbe, type HttpProbeOptions } from './http.js';
import type { ProbeOutcome } from './result.js';
import { tcpProbe } from './tcp.js';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

const MAX_PROBE_RETRIES = 3; // prober.go maxProbeRetries

export interface ProbeContext {
  podIP: string;
  container: Container;
  exec: ExecRunner;
  dial?: HttpProbeOptions['dial'];
}

/** prober.go extractPort: a number, a container port name, or a number in a string. */
export function probePort(port: number | string | undefined, container: Container): number {
  let n: number;
  if (typeof port === 'number') n = port;
  else {
    const named = container.ports?.find((p) => p.name === port);
    if (named) n = named.containerPort;
    else if (port !== undefined && /^[+-]?\d+$/.test(port)) n = Number(port);
    else throw new Error(`strconv.Atoi: parsing ${JSON.stringify(port ?? '')}: invalid syntax`);
  }
  if (n > 0 && n < 65536) return n;
  throw new Error(`invalid port number: ${n}`);
}

async function runOnce(probe: Probe, ctx: ProbeContext): Promise<ProbeOutcome> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  try {
    if (probe.exec) return await execProbe(probe.exec.command ?? [], timeoutMs, ctx.exec);
    if (probe.httpGet) {
      const g = probe.httpGet;
      const target = { scheme: g.scheme ?? 'HTTP', host: g.host || ctx.podIP, port: probePort(g.port, ctx.container), path: g.path ?? '/', headers: g.httpHeaders ?? [] };
      return await httpProbe(target, timeoutMs, ctx.dial ? { dial: ctx.dial } : {});
    }
    if (probe.tcpSocket) return await tcpProbe(probe.tcpSocket.host || ctx.podIP, probePort(probe.tcpSocket.port, ctx.container), timeoutMs);
  } catch (err) {
    return { result: 'unknown', output: '', error: err instanceof Error ? err.message : String(err) };
  }
  return { result: 'unknown', output: '', error: 'missing probe handler' };
}

/** One probe run, retried while the prober errors (runProbeWithRetries). */
export async function runProbe(probe: Probe, ctx: ProbeContext): Promise<ProbeOutcome> {
  let last: ProbeOutcome = { result: 'unknown', output: '', error: '' };
  for (let i = 0; i < MAX_PROBE_RETRIES; i++) {
    last = await runOnce(probe, ctx);
    if (last.result !== 'unknown') return last;
  }
  return last;
}

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** The Warning event a probe run records, if any: Unhealthy for failures and errors, ProbeWarning for warnings. */
export function probeEvent(type: ProbeType, o: ProbeOutcome): { type: 'Warning'; reason: string; message: string } | undefined {
  switch (o.result) {
    case 'failure': return { type: 'Warning', reason: 'Unhealthy', message: `${TITLE[type]} probe failed: ${o.output}` };
    case 'unknown': return { type: 'Warning', reason: 'Unhealthy', message: `${TITLE[type]} probe errored and resulted in unknown state: ${o.error}` };
    case 'warning': return { type: 'Warning', reason: 'ProbeWarning', message: `${TITLE[type]} probe warning: ${o.output}` };
    default: return undefined;
  }
}

/** The Normal Killing event's message when a liveness or startup probe failed (kuberuntime computePodActions). */
export function probeKillMessage(containerName: string, type: 'liveness' | 'startup', willRestart: boolean): string {
  const m = `Container ${containerName} failed ${type} probe`;
  return willRestart ? `${m}, will be restarted` : m;
}
