// kubectl explain over the server's OpenAPI v3 document (k8s.io/kubectl/pkg/explain/v2 and its
// templates/plaintext.tmpl): KIND/VERSION (and GROUP), the description wrapped at 76 columns by
// sprig's `wrap` (goutils.WrapCustom, which counts existing newlines as ordinary characters),
// then FIELDS in key order with <type> guesses, -required-, enums, and --recursive.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { ResourceNotFound } from '../core/resources.js';
import { bool, str, type ParsedArgs } from '../core/kflags.js';

type Schema = {
  $ref?: string; type?: string; description?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  additionalProperties?: Schema | boolean; allOf?: Schema[]; enum?: unknown[]; externalDocs?: { description?: string; url?: string };
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
};
interface Doc { components?: { schemas?: Record<string, Schema> } }

export const verb: Verb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple\nJSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n\n Information about each field is retrieved from the server in OpenAPI format.',
  usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [options]',
  example: `  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

  # Get all the fields in the resource
  kubectl explain pods --recursive`,
  flags: [
    { name: 'recursive', type: 'bool', default: false, help: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their brief description.' },
    { name: 'api-version', type: 'string', default: '', help: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', help: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' }],
  run,
};

/** sprig's wrap: goutils.WrapCustom(str, width, "\n", false). */
export function wrap(str: string, width: number): string {
  if (!str) return '';
  const len = str.length;
  let offset = 0;
  let out = '';
  while (len - offset > width) {
    if (str[offset] === ' ') { offset++; continue; }
    const end = width + offset + 1;
    const space = str.slice(offset, end).lastIndexOf(' ');
    if (space >= 0) {
      out += str.slice(offset, offset + space) + '\n';
      offset = offset + space + 1;
    } else {
      const at = str.indexOf(' ', width + offset);
      if (at < 0) { out += str.slice(offset); offset = len; } else { out += str.slice(offset, at) + '\n'; offset = at + 1; }
    }
  }
  return out + str.slice(offset);
}

/** sprig's indent: every line, empty ones too. */
export const indent = (n: number, s: string) => ' '.repeat(n) + s.replace(/\n/g, '\n' + ' '.repeat(n));

class Explainer {
  constructor(private readonly doc: Doc) {}

  resolve(ref: string | undefined): Schema | undefined {
    if (!ref) return undefined;
    return this.doc.components?.schemas?.[ref.split('/').pop()!];
  }

  typeGuess(s: Schema): string {
    if (s.items) return `[]${this.typeGuess(s.items)}`;
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map[string]${this.typeGuess(s.additionalProperties)}`;
    if (s.allOf && !s.properties && s.allOf.length === 1) return this.typeGuess(s.allOf[0]!);
    if (s.$ref) {
      const r = this.resolve(s.$ref);
      if (!r || !r.type || r.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
      return r.type;
    }
    return s.type === 'object' ? 'Object' : s.type || 'Object';
  }

  enumText(s: Schema, long: boolean, limit: number, indentAmount = 0): string {
    if (!s.enum?.length) return '';
    let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (let i = 0; i < s.enum.length; i++) {
      if (limit > -1 && i >= limit) { out += ', ....'; break; }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      const e = s.enum[i];
      out += e === '' ? '""' : String(e);
    }
    return out;
  }

  description(s: Schema): string {
    const r = this.resolve(s.$ref) ?? s;
    let out = r.description ? r.description + '\n' : '';
    for (const a of r.allOf ?? []) out += this.description(a);
    if (r.items) out += this.description(r.items);
    if (r.additionalProperties && typeof r.additionalProperties === 'object') out += this.description(r.additionalProperties);
    return out;
  }

  externalDocs(s: Schema): string {
    const d = s.externalDocs;
    if (!d) return '';
    return 'EXTERNAL DOCS:\n' + (d.description ? indent(4, wrap(d.description, 76)) + '\n' : '') + (d.url ? indent(4, `URL: ${d.url}`) + '\n' : '');
  }

  fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const ind = level * 2;
    const f = parent.properties![name]!;
    let out = indent(ind, name) + `\t<${this.typeGuess(f)}>`;
    if (parent.required?.includes(name)) out += ' -required-';
    out += this.enumText(f, false, 4, ind) + '\n';
    if (!short) {
      out += indent(ind + 2, wrap(f.description || '<no description>', 78 - ind)) + '\n';
      if (f.externalDocs) {
        out += '\n' + indent(ind + 2, 'EXTERNAL DOCS:') + '\n';
        if (f.externalDocs.description) out += indent(ind + 4, wrap(f.externalDocs.description, 76 - ind)) + '\n';
        if (f.externalDocs.url) out += indent(ind + 4, `URL: ${f.externalDocs.url}`) + '\n';
      }
      out += '\n';
    }
    return out;
  }

  fieldList(s: Schema, level: number, recursive: boolean, history: Set<string>): string {
    const ref = s.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const r = this.resolve(ref) ?? s;
    let out = '';
    for (const k of Object.keys(r.properties ?? {}).sort()) {
      out += this.fieldDetail(k, r, recursive, level);
      if (recursive) out += this.fieldList(r.properties![k]!, level + 1, recursive, next);
    }
    for (const a of r.allOf ?? []) out += this.fieldList(a, level, recursive, next);
    if (r.items) out += this.fieldList(r.items, level, recursive, next);
    if (r.additionalProperties && typeof r.additionalProperties === 'object') out += this.fieldList(r.additionalProperties, level, recursive, next);
    return out;
  }

  output(s: Schema, path: string[], recursive: boolean, history: Set<string>): string {
    const ref = s.$ref ?? '';
    const next = new Set(history).add(ref);
    const r = this.resolve(ref) ?? s;
    if (!path.length) {
      let out = 'DESCRIPTION:\n' + indent(4, wrap(this.description(r) || '<empty>', 76)) + '\n';
      const docs = this.externalDocs(r);
      if (docs) out += '\n' + docs;
      const fields = this.fieldList(r, 1, recursive, new Set());
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const sub = r.properties?.[path[0]!];
    if (sub) {
      let out = '';
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1)}\n\n`;
      return out + this.output(sub, path.slice(1), recursive, new Set());
    }
    if (r.items) return this.output(r.items, path, recursive, next);
    if (r.additionalProperties && typeof r.additionalProperties === 'object') return this.output(r.additionalProperties, path, recursive, next);
    for (const a of r.allOf ?? []) {
      const o = this.output(a, path, recursive, next);
      if (o) return o;
    }
    return '';
  }
}

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  if (p.args.length !== 1) throw new UsageError('We accept only this format: explain RESOURCE');
  const [typed, ...path] = p.args[0]!.split('.');
  const ctx = cli.context();
  // kubectl's explain prints this one without the "error: " prefix.
  let [r] = await ctx.resolve(typed!).catch((e: unknown) => { throw e instanceof ResourceNotFound ? new ExitError(e.message) : e; });
  const apiVersion = str(p, 'api-version');
  if (apiVersion) {
    r = (await ctx.lookup((all) => all.find((x) => x.resource === r!.resource && (x.group ? `${x.group}/${x.version}` : x.version) === apiVersion))) ?? r;
  }
  const gv = r!.group ? `apis/${r!.group}/${r!.version}` : `api/${r!.version}`;
  const index = await ctx.transport.json<{ paths: Record<string, { serverRelativeURL: string }> }>({ method: 'GET', path: '/openapi/v3' });
  const entry = index.paths[gv];
  if (!entry) throw new Error(`couldn't find resource for "${r!.group ? `${r!.group}/` : ''}${r!.version}, Resource=${r!.resource}"`);
  const doc = await ctx.transport.json<Doc>({ method: 'GET', path: entry.serverRelativeURL });
  const schema = Object.values(doc.components?.schemas ?? {}).find((s) => (s['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === r!.group && g.version === r!.version && g.kind === r!.kind));
  if (!schema) throw new Error(`GVK ${r!.group}/${r!.version}, Kind=${r!.kind} not found in OpenAPI schema`);
  const body = new Explainer(doc).output(schema, path, bool(p, 'recursive'), new Set());
  cli.out(`${r!.group ? `GROUP:      ${r!.group}\n` : ''}KIND:       ${r!.kind}\nVERSION:    ${r!.version}\n\n`);
  if (!body) throw new Error(`field "${path[path.length - 1]}" does not exist`);
  cli.out(`${body}\n`);
  return 0;
}
