// kubectl delete (k8s.io/kubectl/pkg/cmd/delete/delete.go): by TYPE NAME, TYPE/NAME, -f, -l or
// --all; DeleteOptions with the cascade's propagationPolicy and the grace period; `pod "x"
// deleted` as each DELETE returns, then (--wait, the default) until every object is gone.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, list, num, str, type ParsedArgs } from '../core/kflags.js';
import { readManifests } from '../core/manifests.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { itemsOf, kindPrefix, listAll, resolveTargets, type KObj } from '../core/targets.js';
import { errorMessage, withSource } from '../core/errors.js';
import { dryRunFlag, dryRunOf, fileFlags, type DryRun } from '../core/write.js';

const NO_RESOURCES = 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n' +
  "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export const verb: Verb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n' +
    ' JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or\nresources and label selector.',
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  example: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json

  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo

  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel

  # Delete a pod with minimal delay
  kubectl delete pod foo --now

  # Delete all pods
  kubectl delete pods --all`,
  flags: [...fileFlags, dryRunFlag,
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', default: '', help: 'Selector (field query) to filter on.' },
    { name: 'all', type: 'bool', default: false, help: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'cascade', type: 'string', default: 'background', noValue: 'background', help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'now', type: 'bool', default: false, help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'force', type: 'bool', default: false, help: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'wait', type: 'bool', default: true, help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'timeout', type: 'string', default: '0s', help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'ignore-not-found', type: 'bool', default: false, help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output mode. Use "-o name" for shorter output (resource/name).' }],
  run,
};

interface Victim { resource: ApiResource; namespace: string | undefined; name: string; source?: string }

function propagation(p: ParsedArgs, cli: Cli): string {
  const c = str(p, 'cascade');
  switch (c) {
    case 'background': case 'true': return 'Background';
    case 'foreground': return 'Foreground';
    case 'orphan': return 'Orphan';
    case 'false':
      cli.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
  }
  throw new ExitError(`error: invalid cascade value (${c}). Must be "background", "foreground", or "orphan"`);
}

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  const files = list(p, 'filename');
  const selector = str(p, 'selector');
  const all = bool(p, 'all');
  if (!files.length && !p.args.length) throw new ExitError(NO_RESOURCES);
  if (all && selector) throw new ExitError("error: setting 'all' parameter but found a non empty selector. ");
  const policy = propagation(p, cli);
  let grace = num(p, 'grace-period');
  const force = bool(p, 'force');
  if (bool(p, 'now')) {
    if (grace !== -1) throw new UsageError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (force) {
    cli.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    if (grace < 0) grace = 0;
  } else if (grace === 0) grace = 1; // kubectl: --grace-period=0 without --force means 1
  const dryRun = dryRunOf(p);
  const ctx = cli.context();
  const victims: Victim[] = [];
  const errors: unknown[] = [];
  const ignoreNotFound = bool(p, 'ignore-not-found') || all;
  if (files.length) {
    for (const m of await readManifests(ctx, files, bool(p, 'recursive'))) victims.push({ resource: m.resource, namespace: m.namespace, name: m.object.metadata.name ?? '', source: m.source });
  } else {
    const targets = await resolveTargets(ctx, p.args);
    for (const t of targets) {
      if (t.names.length) { for (const n of t.names) victims.push({ resource: t.resource, namespace: ctx.namespace, name: n }); continue; }
      if (!all && !selector && !str(p, 'field-selector')) throw new ExitError('error: resource(s) were provided, but no name was specified');
      const allNs = bool(p, 'all-namespaces');
      for (const page of await listAll(ctx, t.resource, { labelSelector: selector || undefined, fieldSelector: str(p, 'field-selector') || undefined, allNamespaces: allNs })) {
        for (const o of itemsOf(t.resource, page)) victims.push({ resource: t.resource, namespace: o.metadata.namespace, name: o.metadata.name! });
      }
    }
    if (!victims.length) { cli.out('No resources found\n'); return 0; }
  }
  const deleted: Array<Victim & { uid?: string }> = [];
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy };
  if (grace >= 0) body.gracePeriodSeconds = grace;
  if (dryRun === 'server') body.dryRun = ['All'];
  for (const v of victims) {
    try {
      let uid: string | undefined;
      if (dryRun !== 'client') {
        const res = await ctx.transport.json<KObj>({ method: 'DELETE', path: resourcePath(v.resource, v.namespace, v.name), body });
        uid = res.kind === 'Status' ? undefined : res.metadata?.uid;
      }
      cli.out(deletedText(p, v, force && grace === 0, dryRun));
      deleted.push({ ...v, uid });
    } catch (e) {
      if (ignoreNotFound && (e as { code?: number }).code === 404) continue;
      errors.push(v.source ? withSource('deleting', v.source, e) : e);
    }
  }
  for (const e of errors) cli.err(errorMessage(e, cli.server()) + '\n');
  if (bool(p, 'wait') && dryRun === 'none') await waitGone(cli, deleted);
  return errors.length ? 1 : 0;
}

function deletedText(p: ParsedArgs, v: Victim, forced: boolean, dryRun: DryRun): string {
  if (str(p, 'output') === 'name') return `${kindPrefix(v.resource)}/${v.name}\n`;
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(v.resource)} "${v.name}" ${forced ? 'force deleted' : 'deleted'}${suffix}\n`;
}

const POLL_MS = 100;

/** Until each object is gone (404, or a new object with another uid under the name). */
async function waitGone(cli: Cli, victims: Array<Victim & { uid?: string }>): Promise<void> {
  const ctx = cli.context();
  for (const v of victims) {
    for (;;) {
      try {
        const o = await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(v.resource, v.namespace, v.name) });
        if (v.uid && o.metadata.uid !== v.uid) break;
      } catch (e) {
        if ((e as { code?: number }).code === 404) break;
        throw e;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
