// `kubelite logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`: kubectl logs (cmd/logs, polymorphichelpers
// logsforobject.go). The pod and container are picked as kubectl picks them ("Defaulted container",
// "Found N pods, using pod/…"), and each log is streamed from GET pods/{name}/log as it arrives.
import { StringDecoder } from 'node:string_decoder';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { statusErrorFrom, readAll } from '../../client/http-transport.js';
import { parseDuration } from '../flags.js';
import { UsageError, type Cli, type Verb } from '../core/command.js';
import type { CliContext } from '../core/context.js';
import { bool, num, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import {
  allContainerNames, byLogging, DEFAULT_CONTAINER_ANNOTATION, findContainer, getObject, hasSeveralContainers, NotFoundInNamespace, podsFor, resolveArg, selectorFor,
} from './pod-target.js';

const FLAGS: Flag[] = [
  { name: 'all-containers', type: 'bool', default: false, help: 'Get all containers\' logs in the pod(s).' },
  { name: 'all-pods', type: 'bool', default: false, help: 'Get logs from all pod(s). Sets prefix to true.' },
  { name: 'container', short: 'c', type: 'string', default: '', help: 'Print the logs of this container' },
  { name: 'follow', short: 'f', type: 'bool', default: false, help: 'Specify if the logs should be streamed.' },
  { name: 'ignore-errors', type: 'bool', default: false, help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: false, help: 'Skip verifying the identity of the kubelet that logs are requested from.' },
  { name: 'limit-bytes', type: 'int', default: 0, help: 'Maximum bytes of logs to return. Defaults to no limit.' },
  { name: 'max-log-requests', type: 'int', default: 5, help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
  { name: 'pod-running-timeout', type: 'duration', default: '20s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  { name: 'prefix', type: 'bool', default: false, help: 'Prefix each log line with the log source (pod name and container name)' },
  { name: 'previous', short: 'p', type: 'bool', default: false, help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  { name: 'since', type: 'duration', default: '0s', help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
  { name: 'since-time', type: 'string', default: '', help: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
  { name: 'tail', type: 'int', default: -1, help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
  { name: 'timestamps', type: 'bool', default: false, help: 'Include timestamps on each line in the log output' },
];

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const SELECTOR_TAIL = 10; // as upstream selectorTail: -l shows the last 10 lines of each pod unless --tail says otherwise

export const verb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  usage: `${USAGE} [options]`,
  example: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx

  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1

  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1

  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx

  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx

  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello`,
  flags: FLAGS,
  run: logsRun,
};

/** One log stream to print: the pod, its container, and the field path used for --prefix. */
interface LogRequest { pod: Pod; container: string; fieldPath: string }

async function logsRun(p: ParsedArgs, cli: Cli): Promise<number> {
  const selector = str(p, 'selector');
  const args = p.args;
  if (args.length === 0 && !selector) throw new UsageError(`expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`);
  if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw new UsageError(`expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`);
  let container = str(p, 'container');
  if (args.length === 2) {
    if (p.changed.has('container')) throw new Error('only one of -c or an inline [CONTAINER] arg is allowed');
    container = args[1]!;
  }
  const allContainers = bool(p, 'all-containers');
  const allPods = bool(p, 'all-pods');
  const prefix = bool(p, 'prefix') || allPods;
  const sinceMs = parseDuration(str(p, 'since') || '0', 'since');
  if (str(p, 'since-time') && sinceMs !== 0) throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (allContainers && container) throw new Error(`--all-containers=true should not be specified with container name ${container}`);
  if (num(p, 'limit-bytes') < 0) throw new Error('--limit-bytes must be greater than 0');
  if (sinceMs < 0) throw new Error('--since must be greater than 0');
  const tail = num(p, 'tail');
  if (tail < -1) throw new Error('--tail must be greater than or equal to -1');
  const query = new URLSearchParams();
  if (bool(p, 'follow')) query.set('follow', 'true');
  if (bool(p, 'previous')) query.set('previous', 'true');
  if (bool(p, 'timestamps')) query.set('timestamps', 'true');
  if (bool(p, 'insecure-skip-tls-verify-backend')) query.set('insecureSkipTLSVerifyBackend', 'true');
  if (str(p, 'since-time')) query.set('sinceTime', str(p, 'since-time'));
  if (num(p, 'limit-bytes') !== 0) query.set('limitBytes', String(num(p, 'limit-bytes')));
  if (sinceMs !== 0) query.set('sinceSeconds', String(Math.round(sinceMs / 1000)));
  if (selector && tail === -1 && !p.changed.has('tail')) query.set('tailLines', String(SELECTOR_TAIL));
  else if (tail !== -1) query.set('tailLines', String(tail));
  const timeoutMs = parseDuration(str(p, 'pod-running-timeout') || '20s', 'pod-running-timeout');

  const ctx = cli.context();
  let pods: Pod[];
  if (selector) {
    pods = (await ctx.transport.json<{ items: Pod[] }>({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/pods?${new URLSearchParams({ labelSelector: selector })}` })).items;
    if (!pods.length) cli.err(`No resources found in ${ctx.namespace} namespace.\n`);
  } else {
    const named = await resolveArg(ctx, args[0]!);
    let obj: Record<string, unknown>;
    try {
      obj = await getObject(ctx, named);
    } catch (e) {
      if (e instanceof NotFoundInNamespace) { cli.err(`error: ${e.message}\n`); return 1; }
      throw e;
    }
    if (named.resource.group === '' && named.resource.kind === 'Pod') pods = [obj as Pod];
    else {
      let sel: string;
      try { sel = selectorFor(named.resource, obj); } catch (e) { throw new Error(`cannot get the logs from *${named.resource.version}.${named.resource.kind}: ${(e as Error).message}`); }
      const sorted = await podsFor(ctx, ctx.namespace, sel, byLogging, timeoutMs);
      if (sorted.length > 1 && !allPods) cli.err(`Found ${sorted.length} pods, using pod/${sorted[0]!.metadata?.name}\n`);
      pods = allPods ? sorted : [sorted[0]!];
    }
  }
  const requests: LogRequest[] = [];
  for (const pod of pods) requests.push(...requestsFor(pod, container, allContainers, allPods, cli));
  const follow = bool(p, 'follow');
  if (follow && requests.length > 1 && requests.length > num(p, 'max-log-requests')) {
    throw new Error(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${num(p, 'max-log-requests')}, use --max-log-requests to increase the limit`);
  }
  const ignoreErrors = bool(p, 'ignore-errors');
  const consume = async (r: LogRequest) => {
    try {
      await streamLog(ctx, r, query, prefix ? `[pod/${r.pod.metadata?.name}/${r.container}] ` : '', (s) => cli.out(s));
    } catch (e) {
      if (!ignoreErrors) throw e;
      cli.out(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  if (follow && requests.length > 1) await Promise.all(requests.map(consume));
  else for (const r of requests) await consume(r);
  return 0;
}

/** logsForObjectWithClient for one pod: the default container (annotation, then the first), or every container. */
function requestsFor(pod: Pod, container: string, allContainers: boolean, allPods: boolean, cli: Cli): LogRequest[] {
  const name = pod.metadata?.name ?? '';
  if (allContainers) {
    return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])]
      .map((c) => ({ pod, container: c.name, fieldPath: findContainer(pod, c.name)! }));
  }
  let chosen = container;
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!chosen && annotated) {
    if (findContainer(pod, annotated)) chosen = annotated;
    else cli.err(`Default container name "${annotated}" not found in pod ${name}\n`);
  }
  if (!chosen) {
    chosen = pod.spec?.containers?.[0]?.name ?? '';
    if (hasSeveralContainers(pod) && !allPods) cli.err(`Defaulted container "${chosen}" out of: ${allContainerNames(pod)}\n`);
  }
  const fieldPath = findContainer(pod, chosen);
  if (!fieldPath) throw new Error(`container ${chosen} is not valid for pod ${name}`);
  return [{ pod, container: chosen, fieldPath }];
}

/** Streams one log to out, line by line (with the --prefix text before each line). */
async function streamLog(ctx: CliContext, r: LogRequest, query: URLSearchParams, prefix: string, out: (s: string) => void): Promise<void> {
  const q = new URLSearchParams(query);
  q.set('container', r.container);
  const path = `/api/v1/namespaces/${encodeURIComponent(r.pod.metadata?.namespace ?? ctx.namespace)}/pods/${encodeURIComponent(r.pod.metadata?.name ?? '')}/log?${q}`;
  const res = await ctx.transport.open({ method: 'GET', path, accept: '*/*', watch: true });
  const code = res.statusCode ?? 0;
  if (code < 200 || code > 299) throw statusErrorFrom(code, await readAll(res));
  // A multi-byte character may straddle two chunks: decode across them.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of res) {
    const text = pending + decoder.write(chunk as Buffer);
    pending = '';
    if (!prefix) { out(text); continue; }
    const lines = text.split('\n');
    pending = lines.pop()!;
    if (lines.length) out(lines.map((l) => `${prefix}${l}\n`).join(''));
  }
  if (pending) out(`${prefix}${pending}`);
}
