// kubectl apply, client-side (k8s.io/kubectl/pkg/cmd/apply/apply.go, patcher.go): the manifest
// is saved in the kubectl.kubernetes.io/last-applied-configuration annotation; a missing object
// is created; otherwise a three-way strategic merge patch (last applied, manifest, live) is sent
// and the result is `configured`, or `unchanged` when the patch is empty.
import { ExitError, type Cli, type Verb } from '../core/command.js';
import { bool, list, str, type ParsedArgs } from '../core/kflags.js';
import { readManifests } from '../core/manifests.js';
import { resourcePath } from '../core/resources.js';
import { kindPrefix, type KObj } from '../core/targets.js';
import { errorMessage, withSource } from '../core/errors.js';
import { mapPatch } from '../core/three-way.js';
import { toGoJson } from '../printers/go-json.js';
import { dryRunFlag, dryRunOf, fieldValidation, fileFlags, outputFlag, successText, validateFlag, writeQuery } from '../core/write.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const verb: Verb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: 'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be\ncreated if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create\n--save-config\'.\n\n JSON and YAML formats are accepted.',
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -

  # Apply every manifest in a directory
  kubectl apply -f ./manifests/`,
  flags: [...fileFlags, outputFlag, dryRunFlag, validateFlag],
  run,
};

/** The manifest with the annotation holding itself (apply's GetModifiedConfiguration). */
export function withLastApplied(obj: KObj): KObj {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: toGoJson(bare, '') } } };
}

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  const files = list(p, 'filename');
  if (!files.length) throw new ExitError('error: must specify one of -f and -k');
  const ctx = cli.context();
  const dryRun = dryRunOf(p);
  const validate = fieldValidation(p);
  let failed = false;
  for (const m of await readManifests(ctx, files, bool(p, 'recursive'))) {
    if (m.namespace && !m.object.metadata.namespace) m.object.metadata.namespace = m.namespace;
    const modified = withLastApplied(m.object);
    const path = resourcePath(m.resource, m.namespace, m.object.metadata.name);
    let current: KObj | undefined;
    try {
      current = await ctx.transport.json<KObj>({ method: 'GET', path });
    } catch (e) {
      if ((e as { code?: number }).code !== 404) { failed = true; cli.err(errorMessage(withSource('retrieving current configuration of:\nResource: ' + m.resource.resource, m.source, e), cli.server()) + '\n'); continue; }
    }
    try {
      if (!current) {
        const created = dryRun === 'client' ? modified : await ctx.transport.json<KObj>({
          method: 'POST', path: resourcePath(m.resource, m.namespace) + writeQuery('kubectl-client-side-apply', dryRun, validate), body: modified,
        });
        cli.out(successText(m.resource, created, 'created', dryRun, str(p, 'output')));
        continue;
      }
      const lastText = current.metadata.annotations?.[LAST_APPLIED];
      if (lastText === undefined) {
        cli.err(`Warning: resource ${m.resource.resource}/${m.object.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
          'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n');
      }
      let original: Record<string, unknown> | undefined;
      try { original = lastText ? (JSON.parse(lastText) as Record<string, unknown>) : undefined; } catch { original = undefined; }
      const patch = mapPatch(original, modified as Record<string, unknown>, current as Record<string, unknown>);
      if (!Object.keys(patch).length) {
        cli.out(successText(m.resource, current, 'unchanged', dryRun, str(p, 'output')));
        continue;
      }
      const patched = dryRun === 'client' ? current : await ctx.transport.json<KObj>({
        method: 'PATCH', path: path + writeQuery('kubectl-client-side-apply', dryRun, validate), body: patch, contentType: 'application/strategic-merge-patch+json',
      });
      cli.out(successText(m.resource, patched, 'configured', dryRun, str(p, 'output')));
    } catch (e) {
      failed = true;
      cli.err(errorMessage(withSource(current ? 'patching' : 'creating', m.source, e), cli.server()) + '\n');
    }
  }
  return failed ? 1 : 0;
}

