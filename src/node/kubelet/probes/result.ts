// A probe's outcome as pkg/probe defines it: Success, Warning (counts as success, e.g. an HTTP
// redirect elsewhere), Failure (with the output the kubelet puts in its Unhealthy event), Unknown
// (the prober itself errored; the kubelet throws such results away).
export type ProbeOutcome =
  | { result: 'success' | 'warning' | 'failure'; output: string }
  | { result: 'unknown'; output: string; error: string };

/** The kubelet reads at most 10 KiB of a probe's output (pkg/probe exec maxReadLength, http maxRespBodyLength). */
export const MAX_PROBE_OUTPUT = 10 * 1024;
