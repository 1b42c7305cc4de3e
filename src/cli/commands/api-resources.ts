// kubectl api-resources: the served resources of each group's preferred version (no
// subresources), grouped by API group (a stable sort on the group keeps discovery's order within
// it), in kubectl's columns; -o wide adds VERBS and CATEGORIES, -o name prints `plural.group`.
import type { Cli, Verb } from '../core/command.js';
import { bool, str, type ParsedArgs } from '../core/kflags.js';
import { qualifiedName, type ApiResource } from '../core/resources.js';
import { tabulate } from '../printers/tabwriter.js';

export const verb: Verb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  usage: 'api-resources [flags] [options]',
  example: `  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true`,
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (wide, name).' },
    { name: 'namespaced', type: 'bool', default: true, help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', default: '', help: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', default: false, help: 'Use the cached list of resources if available.' },
    { name: 'verbs', type: 'strings', default: [], help: 'Limit to resources that support the specified verbs.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'sort-by', type: 'string', default: '', help: 'If non-empty, sort list of resources using specified field. The field can be either \'name\' or \'kind\'.' }],
  run,
};

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  // As kubectl's: the server's current list unless --cached (its discovery cache is invalidated first).
  const all = await cli.context().allResources({ fresh: !bool(p, 'cached') });
  const seenGroup = new Map<string, string>();
  for (const r of all) if (!seenGroup.has(r.group)) seenGroup.set(r.group, r.version); // preferred = first listed
  let rows: ApiResource[] = all.filter((r) => seenGroup.get(r.group) === r.version);
  if (p.changed.has('namespaced')) rows = rows.filter((r) => r.namespaced === bool(p, 'namespaced'));
  if (p.changed.has('api-group')) rows = rows.filter((r) => r.group === str(p, 'api-group'));
  const verbs = (p.flags.verbs as string[]) ?? [];
  if (verbs.length) rows = rows.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const sortBy = str(p, 'sort-by');
  const key = (r: ApiResource) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  rows = rows.map((r, i) => ({ r, i })).sort((a, b) => (key(a.r) < key(b.r) ? -1 : key(a.r) > key(b.r) ? 1 : a.i - b.i)).map((x) => x.r);
  const o = str(p, 'output');
  if (o === 'name') { cli.out(rows.map((r) => qualifiedName(r) + '\n').join('')); return 0; }
  const wide = o === 'wide';
  if (o && !wide) throw new Error(`--output ${o} is not available`);
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const cells = rows.map((r) => [r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind,
    ...(wide ? [[...r.verbs].sort().join(','), r.categories.join(',')] : [])]);
  cli.out(tabulate(bool(p, 'no-headers') ? cells : [header, ...cells]));
  return 0;
}
