// kubectl scale (k8s.io/kubectl/pkg/cmd/scale): each named object is read first (a missing one is
// "no objects passed to scale"), then its scale subresource gets a merge patch of spec.replicas;
// kinds without one (a Job) answer NotFound, as kubectl shows.
import { ExitError, type Cli, type Verb } from '../core/command.js';
import { bool, list, num, str, type ParsedArgs } from '../core/kflags.js';
import { readManifests } from '../core/manifests.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { itemsOf, kindPrefix, listAll, resolveTargets, type KObj } from '../core/targets.js';
import { errorMessage } from '../core/errors.js';
import { dryRunFlag, dryRunOf, fileFlags, outputFlag, successText } from '../core/write.js';

export const verb: Verb = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n' +
    ' If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is\nguaranteed that the precondition holds true when the scale is sent to the server.',
  usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  example: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo

  # Scale a replication controller named 'web' to 5
  kubectl scale rc web --replicas=5`,
  flags: [...fileFlags,
    { name: 'replicas', type: 'int', default: 0, help: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, help: 'Select all resources in the namespace of the specified resource types' },
    outputFlag, dryRunFlag],
  run,
};

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  if (!p.changed.has('replicas')) throw new ExitError('error: required flag(s) "replicas" not set');
  const replicas = num(p, 'replicas');
  if (replicas < 0) throw new ExitError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const ctx = cli.context();
  const objects: Array<{ r: ApiResource; o: KObj }> = [];
  try {
    if (list(p, 'filename').length) {
      for (const m of await readManifests(ctx, list(p, 'filename'), bool(p, 'recursive'))) objects.push({ r: m.resource, o: await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(m.resource, m.namespace, m.object.metadata.name) }) });
    } else {
      for (const t of await resolveTargets(ctx, p.args)) {
        if (t.names.length) { for (const n of t.names) objects.push({ r: t.resource, o: await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(t.resource, ctx.namespace, n) }) }); continue; }
        if (!bool(p, 'all') && !p.flags.selector) throw new ExitError('error: resource(s) were provided, but no name was specified');
        for (const page of await listAll(ctx, t.resource, { labelSelector: String(p.flags.selector || '') || undefined })) for (const o of itemsOf(t.resource, page)) objects.push({ r: t.resource, o });
      }
    }
  } catch (e) {
    if (e instanceof ExitError) throw e;
    throw new ExitError(`error: no objects passed to scale ${(e as Error).message}`);
  }
  if (!objects.length) throw new ExitError('error: no objects passed to scale');
  const current = num(p, 'current-replicas');
  const dryRun = dryRunOf(p);
  let failed = false;
  for (const { r, o } of objects) {
    try {
      if (current >= 0) {
        const have = (o.spec as { replicas?: number } | undefined)?.replicas ?? 0;
        if (have !== current) throw new Error(`Expected replicas to be ${current}, was ${have}`);
      }
      if (dryRun !== 'client') {
        await ctx.transport.json({ method: 'PATCH', path: resourcePath(r, o.metadata.namespace, o.metadata.name, 'scale') + (dryRun === 'server' ? '?dryRun=All' : ''), body: { spec: { replicas } }, contentType: 'application/merge-patch+json' });
      }
      // As scale.go, -o prints the object as it was read before scaling.
      cli.out(successText(r, o, 'scaled', dryRun, str(p, 'output')));
    } catch (e) {
      failed = true;
      cli.err(errorMessage(e, cli.server()) + '\n');
    }
  }
  return failed ? 1 : 0;
}
