// kubectl get's flags and the list request they make, apart from the verb: main.ts loads this
// small module first, so `get TYPE` asks for its table while the printers and the verb's
// remaining modules load (the answer is what get.ts's own identical request then takes).
import { globalFlagsOf, sameGlobalFlags, type EarlyContext } from '../core/context.js';
import { bool, parseArgs, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { listPath, TABLE_ACCEPT } from '../core/resources.js';

export const flags: Flag[] = [
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

/** The selectors and scope of get's lists. */
export const listOptionsOf = (p: ParsedArgs) => ({
  labelSelector: str(p, 'selector') || undefined, fieldSelector: str(p, 'field-selector') || undefined, allNamespaces: bool(p, 'all-namespaces'),
});

/** --sort-by sorts on the rows' objects, so the table must carry them whole. */
export const tableIncludeObject = (p: ParsedArgs) => (str(p, 'sort-by') ? 'Object' : undefined);

/**
 * Prefetches the first page of `get TYPE`'s table: one type (no names, no `a,b`, no `type/name`),
 * printed as a table, not --raw or --watch: then get.ts's first request is exactly this one.
 * Anything else (or flags that do not parse as the early context assumed) prefetches nothing.
 */
export function prefetch(argv: string[], early: EarlyContext): void {
  let p: ParsedArgs;
  try { p = parseArgs(argv, flags); } catch { return; }
  const [typed, ...more] = p.args;
  const output = str(p, 'output');
  if (!typed || more.length || /[/,]/.test(typed) || (output !== '' && output !== 'wide') || p.flags.help === true || str(p, 'raw') ||
    bool(p, 'watch') || bool(p, 'watch-only') || !sameGlobalFlags(globalFlagsOf(p), early.flags)) return;
  const ctx = early.ctx;
  const o = listOptionsOf(p);
  ctx.resolve(typed).then((found) => {
    if (found.length !== 1) return;
    ctx.transport.prefetch({ method: 'GET', path: listPath(found[0]!, o.allNamespaces ? undefined : ctx.namespace, { ...o, includeObject: tableIncludeObject(p) }), accept: TABLE_ACCEPT });
  }, () => {}); // get.ts resolves again and reports the error
}
