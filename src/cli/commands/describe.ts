// `kubelite describe (TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`: kubectl describe (cmd/describe):
// objects resolved through discovery, each described by its kind's describer (src/cli/describe),
// descriptions separated by a blank line pair, errors printed after what could be described, a
// name that matches nothing tried as a name prefix, and "No resources found" when nothing matched.
import { isNotFound } from '../../client/api-client.js';
import { realClock } from '../../util/clock.js';
import type { Cli, Verb } from '../core/command.js';
import type { CliContext } from '../core/context.js';
import { errorMessage } from '../core/errors.js';
import { bool, num, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { describeObject, type DescribeSettings } from '../describe/gather.js';

const FLAGS: Flag[] = [
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'show-events', type: 'bool', default: true, help: 'If true, display events related to the described object.' },
  { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
];

interface Target { resource: ApiResource; names: string[] }

/** The builder's ResourceTypeOrNameArgs: `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...`. */
async function targets(ctx: CliContext, args: string[]): Promise<Target[]> {
  if (args.some((a) => a.includes('/'))) {
    const out: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash <= 0) throw new Error(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubelite get resource/<resource_name>' instead of 'kubelite get resource resource/<resource_name>'`);
      const [r] = await ctx.resolve(a.slice(0, slash));
      out.push({ resource: r!, names: [a.slice(slash + 1)] });
    }
    return out;
  }
  const [types, ...names] = args;
  const out: Target[] = [];
  for (const t of types!.split(',').filter(Boolean)) for (const r of await ctx.resolve(t)) out.push({ resource: r, names });
  return out;
}

interface ListResult { items: Array<Record<string, unknown>>; metadata?: { continue?: string } }

export const verb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.`,
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  example: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

  # Describe a pod
  kubectl describe pods/nginx

  # Describe all pods
  kubectl describe pods

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`,
  flags: FLAGS,
  run: describeRun,
};

async function describeRun(p: ParsedArgs, cli: Cli): Promise<number> {
  if (p.args.length === 0) {
    cli.err('error: You must specify the type of resource to describe. Use "kubelite api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  const ctx = cli.context();
  const allNamespaces = bool(p, 'all-namespaces');
  const settings: DescribeSettings = { showEvents: bool(p, 'show-events'), chunkSize: num(p, 'chunk-size') };
  const now = () => realClock.now();
  const errors: string[] = [];
  let first = true;
  let found = 0;
  const emit = (text: string) => {
    cli.out(first ? text : `\n\n${text}`);
    first = false;
  };
  try {
    const all = await targets(ctx, p.args);
    for (const { resource, names } of all) {
      const ns = resource.namespaced && !allNamespaces ? ctx.namespace : undefined;
      if (names.length === 0) {
        const selector = str(p, 'selector');
        for (const obj of await listAll(ctx, resource, ns, selector, settings.chunkSize)) {
          found++;
          const text = await describeOne(ctx, resource, obj, settings, now, errors);
          if (text !== undefined) emit(text);
        }
        continue;
      }
      for (const name of names) {
        let obj: Record<string, unknown>;
        try {
          obj = await ctx.transport.json({ method: 'GET', path: resourcePath(resource, ns ?? ctx.namespace, name) });
        } catch (e) {
          // `describe TYPE NAME` with one name falls back to every object whose name starts with it.
          if (isNotFound(e) && p.args.length === 2 && !p.args[0]!.includes('/')) {
            const matches = (await listAll(ctx, resource, ns, '', settings.chunkSize)).filter((o) => ((o.metadata as { name?: string } | undefined)?.name ?? '').startsWith(name));
            if (!matches.length) throw e;
            for (const o of matches) cli.out(`${await describeObject(ctx.transport, resource, o, settings, now)}\n`);
            return 0;
          }
          errors.push(errorMessage(e, ctx.access.server));
          continue;
        }
        found++;
        const text = await describeOne(ctx, resource, obj, settings, now, errors);
        if (text !== undefined) emit(text);
      }
    }
    if (found === 0 && errors.length === 0) {
      cli.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    }
  } catch (e) {
    errors.push(errorMessage(e, ctx.access.server));
  }
  for (const e of new Set(errors)) cli.err(`${e}\n`);
  return errors.length ? 1 : 0;
}

/** One description, or undefined after recording the error (kubectl goes on with the next object). */
async function describeOne(ctx: CliContext, r: ApiResource, obj: Record<string, unknown>, s: DescribeSettings, now: () => number, errors: string[]): Promise<string | undefined> {
  try {
    return await describeObject(ctx.transport, r, obj, s, now);
  } catch (e) {
    errors.push(errorMessage(e, ctx.access.server));
    return undefined;
  }
}

async function listAll(ctx: CliContext, r: ApiResource, ns: string | undefined, selector: string, chunkSize: number): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let cont = '';
  do {
    const q = new URLSearchParams({ ...(selector ? { labelSelector: selector } : {}), ...(chunkSize > 0 ? { limit: String(chunkSize) } : {}), ...(cont ? { continue: cont } : {}) });
    const list = await ctx.transport.json<ListResult>({ method: 'GET', path: `${resourcePath(r, ns)}?${q}` });
    // List items carry no kind; kubectl describes each as fetched alone, which has one.
    const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
    items.push(...list.items.map((o) => ({ apiVersion, kind: r.kind, ...o })));
    cont = list.metadata?.continue ?? '';
  } while (cont);
  return items;
}
