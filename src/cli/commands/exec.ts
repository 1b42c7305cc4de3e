// `kubelite exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: kubectl exec
// (cmd/exec): the pod as attach finds it, the default container with kubectl's "Defaulted
// container" note, a raw terminal for -it, and the remote command's exit code as kubelite's own.
import type { Pod } from 'kubernetes-types/core/v1.js';
import { parseDuration } from '../flags.js';
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import type { CliContext } from '../core/context.js';
import { bool, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { resourcePath } from '../core/resources.js';
import { activePods, allContainerNames, DEFAULT_CONTAINER_ANNOTATION, findContainer, hasSeveralContainers, podsFor, resolveArg, selectorFor } from './pod-target.js';
import { runRemoteCommand, streamQuery, type StreamSpec } from './remote-command.js';

const FLAGS: Flag[] = [
  { name: 'container', short: 'c', type: 'string', default: '', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
  { name: 'filename', short: 'f', type: 'strings', default: [], help: 'to use to exec into the resource' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Only print output from the remote session' },
  { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Pass stdin to the container' },
  { name: 'tty', short: 't', type: 'bool', default: false, help: 'Stdin is a TTY' },
];

export const verb: Verb = {
  name: 'exec',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  example: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date

  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date

  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il

  # Get output from running 'date' command from the first pod of the replication controller myrc, using the first container by default
  kubectl exec rc/myrc -- date`,
  flags: FLAGS,
  run: execRun,
};

/** The pod a name or TYPE/NAME argument means for exec/attach/port-forward (AttachablePodForObject). */
export async function attachablePod(ctx: CliContext, arg: string, timeoutMs: number): Promise<Pod> {
  const named = await resolveArg(ctx, arg);
  // Unlike logs, these verbs report the builder's NotFound as the API error it is.
  const obj = await ctx.transport.json<Record<string, unknown>>({ method: 'GET', path: resourcePath(named.resource, ctx.namespace, named.name) });
  if (named.resource.group === '' && named.resource.kind === 'Pod') return obj as Pod;
  let selector: string;
  try { selector = selectorFor(named.resource, obj); } catch (e) { throw new Error(`cannot attach to *${named.resource.version}.${named.resource.kind}: ${(e as Error).message}`); }
  // sort.Reverse(ActivePods): the least expendable pod first.
  return (await podsFor(ctx, ctx.namespace, selector, (a, b) => activePods(b, a), timeoutMs))[0]!;
}

/** FindOrDefaultContainerByName, with kubectl's note when there was a choice. */
export function containerFor(pod: Pod, name: string, quiet: boolean, warn: (s: string) => void): string {
  if (name) {
    if (!findContainer(pod, name)) throw new Error(`container ${name} not found in pod ${pod.metadata?.name}`);
    return name;
  }
  if (!pod.spec?.containers?.length) throw new Error(`pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && findContainer(pod, annotated)) return annotated;
  const first = pod.spec.containers[0]!.name;
  if (!quiet && hasSeveralContainers(pod)) warn(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}

/** StreamOptions.SetupTTY: a raw local terminal only with -i -t on a real terminal. */
export function setupTty(cli: Cli, stdin: boolean, tty: boolean, quiet: boolean): { stdin: boolean; raw: boolean; restore: () => void } {
  if (!stdin) return { stdin: false, raw: false, restore: () => {} };
  if (!tty) return { stdin: true, raw: false, restore: () => {} };
  if (!process.stdin.isTTY) {
    if (!quiet) cli.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return { stdin: true, raw: false, restore: () => {} };
  }
  process.stdin.setRawMode(true);
  return { stdin: true, raw: true, restore: () => process.stdin.setRawMode(false) };
}

export function terminalStreams(stdin: boolean, raw: boolean, stderr: boolean): StreamSpec {
  return {
    stdin: stdin ? process.stdin : undefined,
    stdout: (b) => process.stdout.write(b),
    stderr: stderr ? (b) => process.stderr.write(b) : undefined,
    tty: raw,
    size: () => (process.stdout.columns ? { Width: process.stdout.columns, Height: process.stdout.rows } : undefined),
    onResize: (l) => { process.stdout.on('resize', l); return () => process.stdout.off('resize', l); },
  };
}

async function execRun(p: ParsedArgs, cli: Cli): Promise<number> {
  const args = p.args;
  if (p.dashAt === -1 && args.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  const resourceName = args.length > 0 && p.dashAt !== 0 ? args[0]! : '';
  const command = p.rest;
  if (!resourceName) throw new Error('pod, type/name or --filename must be specified');
  if (command.length === 0) throw new Error('you must specify at least one command for the container');
  const quiet = bool(p, 'quiet');
  const ctx = cli.context();
  const pod = await attachablePod(ctx, resourceName, parseDuration(str(p, 'pod-running-timeout') || '1m', 'pod-running-timeout'));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  // A named container is not checked here: the server says whether it exists.
  const container = str(p, 'container') || containerFor(pod, '', quiet, (s) => cli.err(s));
  const tty = setupTty(cli, bool(p, 'stdin'), bool(p, 'tty'), quiet);
  const path = `/api/v1/namespaces/${encodeURIComponent(pod.metadata?.namespace ?? ctx.namespace)}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}/exec?` +
    streamQuery({ container, command, stdin: tty.stdin, stdout: true, stderr: !tty.raw, tty: tty.raw });
  let outcome;
  try {
    outcome = await runRemoteCommand(ctx, path, terminalStreams(tty.stdin, tty.raw, !tty.raw));
  } finally {
    tty.restore();
    if (tty.stdin) process.stdin.pause();
  }
  if ('exitCode' in outcome) throw new ExitError(outcome.message, outcome.exitCode);
  if ('error' in outcome) throw new Error(outcome.error);
  return 0;
}
