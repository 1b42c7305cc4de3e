// Objects from -f, as kubectl's resource builder reads them (cli-runtime resource/visitor.go):
// files, directories (their .json/.yaml/.yml files, recursively with -R), `-` for stdin;
// multi-document YAML and JSON; `kind: List` expanded; each object mapped to its resource through
// discovery and given the namespace it will be written to.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from './context.js';
import type { ApiResource } from './resources.js';
import type { KObj } from './targets.js';

export interface Manifest { source: string; object: KObj; resource: ApiResource; namespace: string | undefined }

const EXTENSIONS = ['.json', '.yaml', '.yml'];

function filesOf(path: string, recursive: boolean): string[] {
  if (path === '-') return ['-'];
  let st;
  try { st = statSync(path); } catch { throw new Error(`the path "${path}" does not exist`); }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) { if (recursive) out.push(...filesOf(p, true)); } else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** The documents of one source text: YAML streams and JSON alike (JSON is YAML). */
export async function parseDocuments(text: string, source: string): Promise<KObj[]> {
  const { parseAllDocuments } = await import('yaml');
  const out: KObj[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) throw new Error(`error parsing ${source}: error converting YAML to JSON: yaml: ${doc.errors[0]!.message.split('\n')[0]}`);
    const v = doc.toJSON() as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    const o = v as KObj;
    if (o.kind === 'List' || (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))) out.push(...((o.items as KObj[]) ?? []));
    else out.push(o);
  }
  return out;
}

let stdinText: string | undefined;
function readSource(f: string): string {
  if (f !== '-') return readFileSync(f, 'utf8');
  stdinText ??= readFileSync(0, 'utf8');
  return stdinText;
}

/** Reads every -f source, in order, resolving each object's resource and namespace. */
export async function readManifests(ctx: CliContext, paths: string[], recursive: boolean): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const p of paths) {
    for (const f of filesOf(p, recursive)) {
      const source = f === '-' ? 'STDIN' : f;
      for (const object of await parseDocuments(readSource(f), source)) {
        if (!object.kind) throw new Error(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
        if (!object.apiVersion) throw new Error(`error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
        const resource = await resourceForKind(ctx, object.apiVersion, object.kind, source);
        object.metadata ??= {};
        let namespace: string | undefined;
        if (resource.namespaced) {
          const own = object.metadata.namespace;
          if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
            throw new Error(`the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
          }
          namespace = own || ctx.namespace;
        }
        out.push({ source, object, resource, namespace });
      }
    }
  }
  return out;
}

/** The resource serving apiVersion/kind (kubectl's RESTMapping). */
export async function resourceForKind(ctx: CliContext, apiVersion: string, kind: string, source?: string): Promise<ApiResource> {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const r = await ctx.lookup((all) => all.find((x) => x.group === group && x.version === version && x.kind === kind && !x.resource.includes('/')));
  if (!r) {
    const where = source ? `resource mapping not found for name: "" namespace: "" from "${source}": ` : '';
    throw new Error(`${where}no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
  }
  return r;
}

/** Whether a `-f` value was given. */
export const hasFiles = (files: string[]) => files.length > 0;
