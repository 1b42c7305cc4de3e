// kubectl get (k8s.io/kubectl/pkg/cmd/get/get.go): server-side Tables for the human-readable
// output, plain objects for yaml/json/name/jsonpath/custom-columns, several kinds at once, and
// --watch over a Table watch.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, list, str, type Flag } from '../core/kflags.js';
import type { ApiResource } from '../core/resources.js';
import { StatusError } from '../../api/errors.js';
import { isNotFound } from '../../client/api-client.js';
import { getOne, itemsOf, kindPrefix, listAll, resolveTargets, TABLE_ACCEPT, withoutManagedFields, type KList, type KObj, type Target } from '../core/targets.js';
import { printTable, type Table } from '../printers/table.js';
import { TabWriter } from '../printers/tabwriter.js';
import { parseOutput, type OutputFormat } from '../printers/output-format.js';
// The object printers, --sort-by and --watch load only when asked for: a plain `get pods` is the
// command a learner types most, and its start-up is mostly module loading.
const sortOrderOf = async () => (await import('../printers/sort.js')).sortOrder;

const flags: Flag[] = [
  { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: 'field-selector', type: 'string', default: '', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { name: 'show-labels', type: 'bool', default: false, help: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'label-columns', short: 'L', type: 'strings', default: [], help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
  { name: 'watch', short: 'w', type: 'bool', default: false, help: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', type: 'bool', default: false, help: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'sort-by', type: 'string', default: '', help: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
  { name: 'no-headers', type: 'bool', default: false, help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'show-kind', type: 'bool', default: false, help: 'If present, list the resource type for the requested object(s).' },
  { name: 'ignore-not-found', type: 'bool', default: false, help: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
  { name: 'show-managed-fields', type: 'bool', default: false, help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'raw', type: 'string', default: '', help: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
  { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable.', hidden: true },
];

const NO_TYPE = 'You must specify the type of resource to get. Use "kubelite api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\nUse "kubelite explain <resource>" for a detailed description of that resource (e.g. kubelite explain pods).\n' +
  "See 'kubelite get -h' for help and examples";

export const verb: Verb = {
  name: 'get',
  short: 'Display one or many resources',
  long: 'Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label\nselector and the --selector flag. If the desired resource type is namespaced you will only see results in the current\nnamespace if you don\'t specify any namespace.\n\nUse "kubelite api-resources" for a complete list of supported resources.',
  usage: 'get [(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|custom-columns|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  example: `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7

  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

  # List all replication controllers and services together in ps output format
  kubectl get rc,services

  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7`,
  flags,
  run,
};

/** Errors of single objects (kubectl prints them after what it found); the printer loads only then. */
async function printErrors(cli: Cli, errors: unknown[]): Promise<void> {
  if (!errors.length) return;
  const { errorMessage } = await import('../core/errors.js');
  for (const e of errors) cli.err(errorMessage(e, cli.server()) + '\n');
}

const noneFound = (cli: Cli, targets: Target[], allNs: boolean) => {
  const ns = cli.context().namespace;
  cli.err(allNs || targets.every((t) => !t.resource.namespaced) ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
};

async function run(p: Parameters<Verb['run']>[0], cli: Cli): Promise<number> {
  const raw = str(p, 'raw');
  if (raw) {
    const res = await cli.context().transport.open({ method: 'GET', path: raw });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if ((res.statusCode ?? 0) >= 300) throw new ExitError(`Error from server (${res.statusMessage ?? ''}): ${body}`);
    cli.out(body);
    return 0;
  }
  const format = parseOutput(str(p, 'output'));
  if (!p.args.length) throw new ExitError(NO_TYPE);
  const ctx = cli.context();
  const targets = await resolveTargets(ctx, p.args);
  const allNs = bool(p, 'all-namespaces');
  if (allNs && targets.some((t) => t.names.length)) throw new UsageError('a resource cannot be retrieved by name across all namespaces');
  const listOpts = { labelSelector: str(p, 'selector') || undefined, fieldSelector: str(p, 'field-selector') || undefined, allNamespaces: allNs };
  const errors: unknown[] = [];
  const ignoreNotFound = bool(p, 'ignore-not-found');
  const keep = (e: unknown) => {
    if (ignoreNotFound && (e as { code?: number }).code === 404) return;
    errors.push(e);
  };
  // A named object that is not found in a namespace that does not exist either: kubectl reports the
  // namespace (`namespaces "x" not found`), looked up once.
  let namespaceError: Promise<unknown> | undefined;
  const getNamed = async <T>(t: Target, n: string, accept?: string, query?: string): Promise<T> => {
    try {
      return await getOne<T>(ctx, t.resource, n, accept, query);
    } catch (e) {
      if (!t.resource.namespaced || !isNotFound(e)) throw e;
      namespaceError ??= ctx.transport.json({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}` }).then(() => undefined, (ne: unknown) => (isNotFound(ne) ? ne : undefined));
      throw (await namespaceError) ?? e;
    }
  };
  // resource.Selector's Visit: a list the server refuses (bad request, not found) names what was listed.
  const listOf = async <T>(t: Target, o: Parameters<typeof listAll>[2]): Promise<T[]> => {
    try {
      return await listAll<T>(ctx, t.resource, o);
    } catch (e) {
      if (!(e instanceof StatusError) || (e.code !== 400 && e.code !== 404)) throw e;
      const gvr = JSON.stringify(`${t.resource.group}/${t.resource.version}, Resource=${t.resource.resource}`);
      const message = o.labelSelector || o.fieldSelector
        ? `Unable to find ${gvr} that match label selector ${JSON.stringify(o.labelSelector ?? '')}, field selector ${JSON.stringify(o.fieldSelector ?? '')}: ${e.message}`
        : `Unable to list ${gvr}: ${e.message}`;
      throw new StatusError(e.code, e.reason, message, e.details);
    }
  };
  const sortBy = str(p, 'sort-by');
  const watching = bool(p, 'watch') || bool(p, 'watch-only');

  if (format.kind === 'table') {
    const tables: Array<{ target: Target; table: Table }> = [];
    const watchOnly = bool(p, 'watch-only');
    {
      // --watch-only still lists (for the resourceVersion to watch from) but prints nothing of it.
      for (const t of targets) {
        const accept = TABLE_ACCEPT;
        const includeObject = sortBy ? 'Object' : undefined;
        if (t.names.length) {
          let merged: Table | undefined;
          for (const n of t.names) {
            try {
              const one = await getNamed<Table>(t, n, accept, includeObject ? `?includeObject=${includeObject}` : '');
              if (merged) merged.rows = [...(merged.rows ?? []), ...(one.rows ?? [])];
              else merged = one;
            } catch (e) { keep(e); }
          }
          if (merged) tables.push({ target: t, table: merged });
        } else {
          const pages = await listOf<Table>(t, { ...listOpts, accept, includeObject });
          const table = pages[0]!;
          table.rows = pages.flatMap((pg) => pg.rows ?? []);
          tables.push({ target: t, table });
        }
      }
    }
    const withKind = targets.length > 1 || bool(p, 'show-kind');
    let writer = new TabWriter(); // kept for --watch: its rows line up with the list's columns
    let printed = false;
    for (const { target, table } of tables) {
      if (!table.rows?.length || watchOnly) continue;
      if (sortBy) {
        const order = (await sortOrderOf())(table.rows.map((r) => r.object), sortBy);
        table.rows = order.map((i) => table.rows![i]!);
      }
      // As kubectl get: each resource group starts with fresh column widths, and groups are parted
      // by a blank line only when they have headers.
      if (printed && !bool(p, 'no-headers')) cli.out('\n');
      writer = new TabWriter();
      cli.out(printTable(table, tableOptions(p, format, target.resource, allNs, withKind), writer));
      printed = true;
    }
    await printErrors(cli, errors);
    if (!printed && !errors.length && !watching && !ignoreNotFound) noneFound(cli, targets, allNs); // as get.go: --ignore-not-found prints nothing then
    if (watching) {
      if (targets.length !== 1) throw new UsageError('watch is only supported on individual resources and resource collections, but 2 resources were found');
      const t = targets[0]!;
      const rv = tables[0]?.table.metadata?.resourceVersion;
      const { watchTables } = await import('./get-watch.js');
      await watchTables(cli, t, { ...listOpts, resourceVersion: rv, headerPrinted: printed, print: (table, header) => printTable(table, { ...tableOptions(p, format, t.resource, allNs, withKind), noHeaders: !header || bool(p, 'no-headers') }, writer) });
    }
    return errors.length ? 1 : 0;
  }

  const objects: KObj[] = [];
  for (const t of targets) {
    if (t.names.length) {
      for (const n of t.names) {
        try { objects.push(await getNamed<KObj>(t, n)); } catch (e) { keep(e); }
      }
    } else {
      // printGeneric prints what it got (an empty List) before the error.
      try {
        for (const page of await listOf<KList>(t, listOpts)) objects.push(...itemsOf(t.resource, page));
      } catch (e) { errors.push(e); }
    }
  }
  // printGeneric: when one object was asked for by name, its error alone is the output.
  if (errors.length && targets.length === 1 && targets[0]!.names.length === 1) {
    await printErrors(cli, errors);
    return 1;
  }
  const resources = new Map<KObj, ApiResource>();
  // Objects keep the resource they came from, for -o name.
  const shown = bool(p, 'show-managed-fields') ? objects : objects.map(withoutManagedFields);
  objects.forEach((o, i) => resources.set(shown[i]!, targets.find((t) => t.resource.kind === o.kind && (t.resource.group ? `${t.resource.group}/${t.resource.version}` : t.resource.version) === o.apiVersion)?.resource ?? targets[0]!.resource));
  const sorted = sortBy ? (await sortOrderOf())(shown, sortBy).map((i) => shown[i]!) : shown;
  const single = targets.length === 1 && targets[0]!.names.length === 1 && !sortBy;
  const { printObjects } = await import('../printers/output.js');
  cli.out(printObjects(format, sorted, { single, noHeaders: bool(p, 'no-headers'), nameOf: (o) => `${kindPrefix(resources.get(o)!)}/${o.metadata.name}` }));
  await printErrors(cli, errors);
  return errors.length ? 1 : 0;
}

function tableOptions(p: Parameters<Verb['run']>[0], format: OutputFormat, r: ApiResource, allNs: boolean, withKind: boolean) {
  return {
    wide: format.kind === 'table' && format.wide,
    withNamespace: allNs && r.namespaced,
    kindPrefix: withKind ? kindPrefix(r) : undefined,
    labelColumns: list(p, 'label-columns'),
    showLabels: bool(p, 'show-labels'),
    noHeaders: bool(p, 'no-headers'),
  };
}
