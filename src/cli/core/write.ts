// Writes as kubectl makes them: `?fieldManager=kubectl-<verb>&fieldValidation=Strict` (and
// `dryRun=All` for --dry-run=server), and the one-line results (`job.batch/x created`,
// `… (dry run)`, `… (server dry run)`), or the object itself for -o.
import type { CliContext } from './context.js';
import { resourcePath, type ApiResource } from './resources.js';
import { kindPrefix, withoutManagedFields, type KObj } from './targets.js';
import { parseOutput } from '../printers/output-format.js';
import { printObjects } from '../printers/output.js';
import { str, type Flag, type ParsedArgs } from './kflags.js';

export type DryRun = 'none' | 'client' | 'server';

export function parseDryRun(v: string | boolean | undefined): DryRun {
  if (v === undefined || v === '' || v === 'none' || v === false || v === 'false') return 'none';
  if (v === 'client' || v === true || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new Error(`Invalid dry-run value (${String(v)}). Must be "none", "server", or "client".`);
}

export function writeQuery(manager: string, dryRun: DryRun, validate = 'Strict'): string {
  const q = new URLSearchParams();
  if (dryRun === 'server') q.set('dryRun', 'All');
  q.set('fieldManager', manager);
  if (validate) q.set('fieldValidation', validate);
  return `?${q}`;
}

export async function createObject(ctx: CliContext, r: ApiResource, namespace: string | undefined, obj: KObj, manager: string, dryRun: DryRun, validate = 'Strict'): Promise<KObj> {
  if (dryRun === 'client') return obj;
  return ctx.transport.json<KObj>({ method: 'POST', path: resourcePath(r, namespace) + writeQuery(manager, dryRun, validate), body: obj });
}

/** The line kubectl prints for a successful operation, or the object for -o yaml|json|name. */
export function successText(r: ApiResource, obj: KObj, operation: string, dryRun: DryRun, output = '', typed = false): string {
  if (output) {
    // A generated (typed) object prints its JSON in Go struct order; one read back is a map, sorted.
    const f = parseOutput(output);
    return printObjects(f, [withoutManagedFields(obj)], { single: true, noHeaders: false, keepOrder: typed, nameOf: (o) => `${kindPrefix(r)}/${o.metadata.name}` });
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(r)}/${obj.metadata.name} ${operation}${suffix}\n`;
}

export const fileFlags: Flag[] = [
  { name: 'filename', short: 'f', type: 'strings', default: [], help: 'Filename, directory, or URL to files to use to create the resource' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
];
export const outputFlag: Flag = { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, custom-columns).' };
export const dryRunFlag: Flag = { name: 'dry-run', type: 'string', default: 'none', noValue: 'unchanged', help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' };
export const validateFlag: Flag = { name: 'validate', type: 'string', default: 'strict', noValue: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false). "strict" will use the server\'s field validation, "warn" will warn about unknown or duplicate fields, "ignore" performs no validation.' };

/** --validate as the fieldValidation query parameter. */
export function fieldValidation(p: ParsedArgs): string {
  const v = str(p, 'validate');
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new Error(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export const dryRunOf = (p: ParsedArgs) => parseDryRun(str(p, 'dry-run') === 'unchanged' ? 'client' : str(p, 'dry-run'));


