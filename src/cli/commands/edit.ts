// kubectl edit (k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go): the object as YAML in a temp
// file under kubectl's header, opened in KUBE_EDITOR, else EDITOR, else vi; an unchanged or
// emptied file cancels; a change is sent as a strategic merge patch (original → edited); when the
// server refuses it, the file is reopened with the errors at the top, as kubectl does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, list, type ParsedArgs } from '../core/kflags.js';
import { readManifests } from '../core/manifests.js';
import { resourcePath, type ApiResource } from '../core/resources.js';
import { kindPrefix, resolveTargets, withoutManagedFields, type KObj } from '../core/targets.js';
import { mapPatch } from '../core/three-way.js';
import { toGoYaml } from '../printers/go-yaml.js';
import { StatusError } from '../../api/errors.js';
import { errorMessage } from '../core/errors.js';
import { fileFlags } from '../core/write.js';

const HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n';

export const verb: Verb = {
  name: 'edit',
  short: 'Edit a resource on the server',
  long: 'Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open\nthe editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to \'vi\' for Linux or \'notepad\' for\nWindows.',
  usage: 'edit (RESOURCE/NAME | -f FILENAME) [options]',
  example: `  # Edit the service named 'registry'
  kubectl edit svc/docker-registry

  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/docker-registry`,
  flags: [...fileFlags, { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml).' }],
  run,
};

const editorCommand = () => process.env.KUBE_EDITOR || process.env.EDITOR || 'vi';

const stripComments = (text: string) => text.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');

/** `# pods "x" was not valid:` and one `# * field: message` line per cause. */
function errorHeader(r: ApiResource, name: string, e: unknown): string {
  if (e instanceof StatusError && e.reason === 'Invalid' && e.details?.causes?.length) {
    return `# ${r.resource}${r.group ? `.${r.group}` : ''} "${name}" was not valid:\n` + e.details.causes.map((c) => `# * ${c.field ? `${c.field}: ` : ''}${c.message ?? ''}\n`).join('') + '#\n';
  }
  return `# ${errorMessage(e).replace(/\n/g, '\n# ')}\n#\n`;
}

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  const ctx = cli.context();
  const items: Array<{ r: ApiResource; o: KObj }> = [];
  if (list(p, 'filename').length) {
    for (const m of await readManifests(ctx, list(p, 'filename'), bool(p, 'recursive'))) {
      items.push({ r: m.resource, o: await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(m.resource, m.namespace, m.object.metadata.name) }) });
    }
  } else {
    if (!p.args.length) throw new UsageError('you must provide one or more resources by argument or filename');
    for (const t of await resolveTargets(ctx, p.args)) {
      if (!t.names.length) throw new UsageError('resource(s) were provided, but no name was specified');
      for (const n of t.names) items.push({ r: t.resource, o: await ctx.transport.json<KObj>({ method: 'GET', path: resourcePath(t.resource, ctx.namespace, n) }) });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'kubelite-edit-'));
  for (const { r, o } of items) {
    const original = withoutManagedFields(o);
    const body = toGoYaml(original);
    const file = join(dir, `${o.metadata.name}.yaml`);
    let errors = '';
    let lastEdit = body;
    for (;;) {
      writeFileSync(file, HEADER + errors + lastEdit);
      const res = spawnSync('sh', ['-c', `${editorCommand()} "$1"`, 'editor', file], { stdio: 'inherit' });
      if (res.status !== 0) throw new ExitError(`error: there was a problem with the editor "${editorCommand()}"`);
      const edited = stripComments(readFileSync(file, 'utf8'));
      if (!edited.trim()) { cli.err('Edit cancelled, no changes made.\n'); break; }
      if (edited === stripComments(lastEdit) && errors) {
        throw new ExitError(`error: Edit cancelled, no valid changes were saved.\nA copy of your changes has been stored to "${file}"`);
      }
      if (edited === stripComments(body)) { cli.err('Edit cancelled, no changes made.\n'); break; }
      const { parse } = await import('yaml');
      let next: KObj;
      try { next = parse(edited) as KObj; } catch (e) {
        errors = `# The edited file had a syntax error: ${(e as Error).message.split('\n')[0]}\n#\n`;
        lastEdit = edited;
        continue;
      }
      const patch = mapPatch(original as Record<string, unknown>, next as Record<string, unknown>, original as Record<string, unknown>);
      try {
        if (Object.keys(patch).length) {
          await ctx.transport.json({ method: 'PATCH', path: resourcePath(r, o.metadata.namespace, o.metadata.name) + '?fieldManager=kubectl-edit&fieldValidation=Strict', body: patch, contentType: 'application/strategic-merge-patch+json' });
        }
        cli.out(`${kindPrefix(r)}/${o.metadata.name} edited\n`);
        break;
      } catch (e) {
        errors = errorHeader(r, o.metadata.name ?? '', e);
        lastEdit = edited;
      }
    }
  }
  return 0;
}
