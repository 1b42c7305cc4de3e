// kubectl wait (k8s.io/kubectl/pkg/cmd/wait): --for=delete, --for=condition=C[=value] (status
// True unless a value is given, compared case-insensitively), --for=jsonpath='{…}'=value or
// --for=jsonpath='{…}' (exists); `pod/x condition met` for each object, or kubectl's timeout error.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, str, type ParsedArgs } from '../core/kflags.js';
import { parseDuration } from '../flags.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { itemsOf, kindPrefix, listAll, resolveTargets, type KObj } from '../core/targets.js';
import { errorMessage } from '../core/errors.js';
import { evaluate, parseTemplate } from '../printers/jsonpath.js';

export const verb: Verb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: 'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n' +
    ' Alternatively, the command can wait for the given set of resources to be deleted by providing the "delete" keyword as the value to the --for flag.\n\n' +
    ' A successful message will be printed to stdout indicating when the specified condition has been met.',
  usage: 'wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]] [options]',
  example: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1

  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

  # Wait for the job "pi" to complete, for up to a minute
  kubectl wait --for=condition=complete job/pi --timeout=60s

  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
  flags: [
    { name: 'for', type: 'string', default: '', help: 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.' },
    { name: 'timeout', type: 'string', default: '30s', help: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' }],
  run,
};

type Check = (o: KObj | undefined) => boolean;

/** The --for value as a test of the object (undefined: it does not exist). */
export function parseFor(f: string): { check: Check; deleted: boolean } {
  if (f === 'delete') return { check: (o) => o === undefined, deleted: true };
  if (f === 'create') return { check: (o) => o !== undefined, deleted: false };
  if (f.startsWith('condition=')) {
    const spec = f.slice('condition='.length);
    const eq = spec.indexOf('=');
    const type = eq < 0 ? spec : spec.slice(0, eq);
    const want = (eq < 0 ? 'true' : spec.slice(eq + 1)).toLowerCase();
    return {
      deleted: false,
      check: (o) => {
        const conds = ((o?.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions) ?? [];
        return conds.some((c) => c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === want);
      },
    };
  }
  if (f.startsWith('jsonpath=')) {
    const spec = f.slice('jsonpath='.length);
    const close = spec.lastIndexOf('}');
    const expr = close >= 0 ? spec.slice(0, close + 1) : spec;
    const rest = spec.slice(expr.length);
    if (rest && !rest.startsWith('=')) throw new Error(`jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
    const want = rest ? rest.slice(1) : undefined;
    const node = parseTemplate(expr.startsWith('{') ? expr : `{${expr}}`).find((n) => n.t === 'path');
    const steps = node && node.t === 'path' ? node.steps : [];
    return {
      deleted: false,
      check: (o) => {
        if (!o) return false;
        const vals = evaluate(steps, o);
        if (want === undefined) return vals.length > 0;
        return vals.length === 1 && (typeof vals[0] === 'object' ? JSON.stringify(vals[0]) : String(vals[0])) === want;
      },
    };
  }
  throw new Error(`unrecognized condition: "${f}"`);
}

const POLL_MS = 200;

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  const forText = str(p, 'for');
  if (!forText) throw new ExitError('error: --for must be specified');
  const { check, deleted } = parseFor(forText);
  const timeout = str(p, 'timeout').startsWith('-') ? 7 * 24 * 3_600_000 : parseDuration(str(p, 'timeout'), 'timeout');
  const ctx = cli.context();
  if (!p.args.length) throw new UsageError('resource(s) were provided, but no name was specified');
  const items: Array<{ r: ApiResource; ns: string | undefined; name: string }> = [];
  for (const t of await resolveTargets(ctx, p.args)) {
    if (t.names.length) { for (const n of t.names) items.push({ r: t.resource, ns: ctx.namespace, name: n }); continue; }
    if (!bool(p, 'all') && !str(p, 'selector')) throw new UsageError('resource(s) were provided, but no name was specified');
    for (const page of await listAll(ctx, t.resource, { labelSelector: str(p, 'selector') || undefined, allNamespaces: bool(p, 'all-namespaces') })) {
      for (const o of itemsOf(t.resource, page)) items.push({ r: t.resource, ns: o.metadata.namespace, name: o.metadata.name! });
    }
  }
  if (!items.length) throw new ExitError('error: no matching resources found');
  const deadline = Date.now() + timeout;
  for (const it of items) {
    // kubectl prints nothing for an object already gone when waiting for its deletion.
    for (let first = true; ; first = false) {
      let obj: KObj | undefined;
      try {
        obj = await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(it.r, it.ns, it.name) });
      } catch (e) {
        if ((e as { code?: number }).code !== 404) throw e;
        if (!deleted && forText !== 'create') { cli.err(errorMessage(e, cli.server()) + '\n'); return 1; }
      }
      if (deleted && !obj && first) break;
      if (check(obj)) { cli.out(`${kindPrefix(it.r)}/${it.name} condition met\n`); break; }
      if (Date.now() >= deadline) throw new ExitError(`error: timed out waiting for the condition on ${it.r.resource}${it.r.group ? `.${it.r.group}` : ''}/${it.name}`);
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    }
  }
  return 0;
}
