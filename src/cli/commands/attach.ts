// `kubelite attach (POD | TYPE/NAME) -c CONTAINER [-i] [-t]`: kubectl attach (cmd/attach): joins the
// running container's own stdio over WebSocket (as exec, without a command), with kubectl's
// prompt hint, TTY checks against the container spec, and the "Session ended" note.
import type { Pod } from 'kubernetes-types/core/v1.js';
import { parseDuration } from '../flags.js';
import type { Cli, Verb } from '../core/command.js';
import { bool, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { attachablePod, containerFor, setupTty, terminalStreams } from './exec.js';
import { findContainer } from './pod-target.js';
import { runRemoteCommand, streamQuery } from './remote-command.js';

const FLAGS: Flag[] = [
  { name: 'container', short: 'c', type: 'string', default: '', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Only print output from the remote session' },
  { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Pass stdin to the container' },
  { name: 'tty', short: 't', type: 'bool', default: false, help: 'Stdin is a TTY' },
];

export const verb: Verb = {
  name: 'attach',
  short: 'Attach to a running container',
  long: 'Attach to a process that is already running inside an existing container.',
  usage: 'attach (POD | TYPE/NAME) -c CONTAINER [options]',
  example: `  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
  # for selecting the container to be attached or the first container in the pod will be chosen
  kubectl attach mypod

  # Get output from ruby-container from pod mypod
  kubectl attach mypod -c ruby-container

  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl attach mypod -c ruby-container -i -t

  # Get output from the first pod of a replica set named nginx
  kubectl attach rs/nginx`,
  flags: FLAGS,
  run: attachRun,
};

async function attachRun(p: ParsedArgs, cli: Cli): Promise<number> {
  const args = p.args;
  if (args.length === 0) throw new Error('at least 1 argument is required for attach');
  if (args.length > 2) throw new Error(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
  const timeoutMs = parseDuration(str(p, 'pod-running-timeout') || '1m', 'pod-running-timeout');
  if (timeoutMs <= 0) throw new Error('--pod-running-timeout must be higher than zero');
  const quiet = bool(p, 'quiet');
  const ctx = cli.context();
  const pod: Pod = await attachablePod(ctx, args.length === 2 ? `${args[0]}/${args[1]}` : args[0]!, timeoutMs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot attach a container in a completed pod; current phase is ${phase}`);
  let container: string;
  try {
    container = containerFor(pod, str(p, 'container'), quiet, (s) => cli.err(s));
  } catch (e) {
    throw new Error(`cannot attach to the container: ${(e as Error).message}`);
  }
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((c) => c.name === container);
  let tty = bool(p, 'tty');
  // The container decides: a TTY only if it was started with one, and always if it was.
  if (tty && !spec?.tty) {
    tty = false;
    if (!quiet) cli.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
  } else if (!tty && spec?.tty) {
    tty = true;
  }
  const t = setupTty(cli, bool(p, 'stdin'), tty, quiet);
  if (!quiet) cli.err("If you don't see a command prompt, try pressing enter.\n");
  const path = `/api/v1/namespaces/${encodeURIComponent(pod.metadata?.namespace ?? ctx.namespace)}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}/attach?` +
    streamQuery({ container, stdin: t.stdin, stdout: true, stderr: !t.raw, tty: t.raw });
  const streams = terminalStreams(t.stdin, t.raw, !t.raw);
  if (t.raw) {
    // As kubectl: first a size one larger, then the real one, so the remote program redraws.
    const real = streams.size!;
    let first = true;
    streams.size = () => { const s = real(); if (s && first) { first = false; return { Width: s.Width + 1, Height: s.Height + 1 }; } return s; };
    const origResize = streams.onResize!;
    streams.onResize = (l) => { setImmediate(l); return origResize(l); };
  }
  let outcome;
  try {
    outcome = await runRemoteCommand(ctx, path, streams);
  } finally {
    t.restore();
    if (t.stdin) process.stdin.pause();
  }
  if ('error' in outcome) throw new Error(outcome.error);
  if ('exitCode' in outcome) throw new Error(outcome.message);
  if (!quiet && t.stdin && t.raw && pod.spec?.restartPolicy === 'Always') {
    const ephemeral = findContainer(pod, container)?.startsWith('spec.ephemeralContainers');
    cli.out(ephemeral
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubelite attach ${pod.metadata?.name} -c ${container} -i -t' if it is still running\n`
      : `Session ended, resume using 'kubelite attach ${pod.metadata?.name} -c ${container} -i -t' command when the pod is running\n`);
  }
  return 0;
}
