// kubectl label and annotate (k8s.io/kubectl/pkg/cmd/label, annotate): `key=value` sets, `key-`
// removes, --overwrite to change an existing value; objects by TYPE NAME, TYPE/NAME, -l, --all or
// -f; each change sent as a JSON merge patch of metadata.labels / metadata.annotations.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, list, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { readManifests } from '../core/manifests.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { itemsOf, kindPrefix, listAll, resolveTargets, type KObj } from '../core/targets.js';
import { errorMessage } from '../core/errors.js';
import { dryRunFlag, dryRunOf, fileFlags, successText } from '../core/write.js';

type Field = 'labels' | 'annotations';

const commonFlags: Flag[] = [...fileFlags, dryRunFlag,
  { name: 'overwrite', type: 'bool', default: false, help: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
  { name: 'all', type: 'bool', default: false, help: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If true, check the specified action in all namespaces.' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
  { name: 'field-selector', type: 'string', default: '', help: 'Selector (field query) to filter on.' },
  { name: 'list', type: 'bool', default: false, help: 'If true, display the labels for a given resource.' },
  { name: 'resource-version', type: 'string', default: '', help: 'If non-empty, the update will only succeed if this is the current resource-version for the object.' },
  { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' }];

export const labelVerb: Verb = {
  name: 'label',
  short: 'Update the labels on a resource',
  long: 'Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n' +
    '  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.',
  usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true

  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy

  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy

  # Update pod 'foo' by removing a label named 'bar' if it exists
  kubectl label pods foo bar-`,
  flags: commonFlags,
  run: (p, cli) => run(p, cli, 'labels'),
};

export const annotateVerb: Verb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  long: 'Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are\nkey/value pairs that can be larger than labels and include arbitrary string values such as structured JSON.',
  usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  kubectl annotate pods foo description='my frontend'

  # Update pod 'foo' by removing an annotation named 'description' if it exists
  kubectl annotate pods foo description-`,
  flags: commonFlags,
  run: (p, cli) => run(p, cli, 'annotations'),
};

/** Splits arguments into resources and changes (`k=v` sets, `k-` removes), as kubectl's parseLabels. */
export function parseChanges(args: string[], field: Field): { resources: string[]; set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const resources: string[] = [];
  for (const a of args) {
    if (a.includes('=')) {
      const eq = a.indexOf('=');
      set[a.slice(0, eq)] = a.slice(eq + 1);
    } else if (a.endsWith('-')) remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  for (const k of remove) if (k in set) throw new Error(`can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  return { resources, set, remove };
}

async function run(p: ParsedArgs, cli: Cli, field: Field): Promise<number> {
  const { resources, set, remove } = parseChanges(p.args, field);
  const what = field === 'labels' ? 'label' : 'annotation';
  const files = list(p, 'filename');
  const selector = str(p, 'selector');
  if (!Object.keys(set).length && !remove.length && !bool(p, 'list')) throw new ExitError(`error: at least one ${what} update is required`);
  if (!files.length && !resources.length) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const ctx = cli.context();
  const objects: Array<{ r: ApiResource; o: KObj }> = [];
  const errors: unknown[] = [];
  if (files.length) {
    for (const m of await readManifests(ctx, files, bool(p, 'recursive'))) objects.push({ r: m.resource, o: m.object });
  } else {
    for (const t of await resolveTargets(ctx, resources)) {
      if (t.names.length) {
        if (selector) throw new ExitError('error: name cannot be provided when a selector is specified');
        for (const n of t.names) {
          try { objects.push({ r: t.resource, o: await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(t.resource, ctx.namespace, n) }) }); } catch (e) { errors.push(e); }
        }
        continue;
      }
      if (!bool(p, 'all') && !selector && !str(p, 'field-selector')) throw new UsageError('resource(s) were provided, but no name was specified');
      for (const page of await listAll(ctx, t.resource, { labelSelector: selector || undefined, fieldSelector: str(p, 'field-selector') || undefined, allNamespaces: bool(p, 'all-namespaces') })) {
        for (const o of itemsOf(t.resource, page)) objects.push({ r: t.resource, o });
      }
    }
  }
  const overwrite = bool(p, 'overwrite');
  const dryRun = dryRunOf(p);
  for (const { r, o } of objects) {
    try {
      const before = { ...((o.metadata[field] as Record<string, string> | undefined) ?? {}) };
      if (bool(p, 'list')) { cli.out(Object.keys(before).sort().map((k) => `${k}=${before[k]}\n`).join('')); continue; }
      if (!overwrite) {
        const clashes = Object.keys(set).filter((k) => k in before && before[k] !== set[k]);
        if (clashes.length) {
          const each = clashes.map((k) => `'${k}' already has a value (${before[k]})`);
          throw new ExitError(field === 'labels' ? each.map((e) => `error: ${e}, and --overwrite is false`).join('\n')
            : `error: --overwrite is false but found the following declared annotation(s): ${each.join('; ')}`);
        }
      }
      const after = { ...before, ...set };
      for (const k of remove) {
        if (!(k in after)) { cli.out(`${what} "${k}" not found.\n`); continue; }
        delete after[k];
      }
      const patchField: Record<string, string | null> = {};
      for (const k of Object.keys(set)) if (before[k] !== set[k]) patchField[k] = set[k]!;
      for (const k of remove) if (k in before) patchField[k] = null;
      const changed = Object.keys(patchField).length > 0;
      // What -o prints: the object as the server returned it, or as it would be sent (--dry-run=client).
      let result: KObj = changed ? { ...o, metadata: { ...o.metadata, [field]: after } } : o;
      if (changed && dryRun !== 'client') {
        const metadata: Record<string, unknown> = { [field]: patchField };
        const rv = str(p, 'resource-version');
        if (rv) metadata.resourceVersion = rv;
        result = await ctx.transport.json<KObj>({
          method: 'PATCH', path: resourcePath(r, o.metadata.namespace, o.metadata.name) + (dryRun === 'server' ? '?dryRun=All' : ''),
          body: { metadata }, contentType: 'application/merge-patch+json',
        });
      }
      const output = str(p, 'output');
      if (output) { cli.out(successText(r, result, '', dryRun, output)); continue; }
      cli.out(`${kindPrefix(r)}/${o.metadata.name} ${resultWord(field, before, after, changed, overwrite)}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (e) {
      if (e instanceof ExitError) throw e;
      errors.push(e);
    }
  }
  for (const e of errors) cli.err(errorMessage(e, cli.server()) + '\n');
  return errors.length ? 1 : 0;
}

/** kubectl's updateDataChangeMsg: unchanged objects are "not labeled"; a shrink without --overwrite is "unlabeled". */
function resultWord(field: Field, before: Record<string, string>, after: Record<string, string>, changed: boolean, overwrite: boolean): string {
  if (field === 'annotations') return 'annotated';
  if (!changed) return 'not labeled';
  const size = (m: Record<string, string>) => JSON.stringify(m).length;
  return !overwrite && size(after) < size(before) ? 'unlabeled' : 'labeled';
}
