// exec probes (pkg/probe/exec): exit 0 succeeds; any other exit fails with the command's combined
// output (at most 10 KiB); a timeout fails with `command "<argv joined>" timed out`, the text CRI
// runtimes give (remote_runtime.go ExecSync with ExecProbeTimeout on).
import { goQuote } from '../env.js';
import { MAX_PROBE_OUTPUT, type ProbeOutcome } from './result.js';

/** Runs argv inside the container and reports how it ended (the kubelet's RunInContainer). */
export type ExecRunner = (argv: string[], timeoutMs: number) => Promise<{ exitCode: number; output: string; timedOut?: boolean }>;

export async function execProbe(command: string[], timeoutMs: number, run: ExecRunner): Promise<ProbeOutcome> {
  let r: Awaited<ReturnType<ExecRunner>>;
  try {
    r = await run(command, timeoutMs);
  } catch (err) {
    return { result: 'unknown', output: '', error: err instanceof Error ? err.message : String(err) };
  }
  if (r.timedOut) return { result: 'failure', output: `command ${goQuote(command.join(' '))} timed out` };
  const output = r.output.length > MAX_PROBE_OUTPUT ? r.output.slice(0, MAX_PROBE_OUTPUT) : r.output;
  return { result: r.exitCode === 0 ? 'success' : 'failure', output };
}
