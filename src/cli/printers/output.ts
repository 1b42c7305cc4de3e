// kubectl's -o formats for objects (k8s.io/cli-runtime printers): yaml and json (a single object,
// or a `List` wrapper for several), name (`kind.group/name`), jsonpath templates and custom
// columns.
import type { KObj } from '../core/targets.js';
import { parseCustomColumns, printCustomColumns } from './custom-columns.js';
import { toGoJson } from './go-json.js';
import { toGoYaml } from './go-yaml.js';
import { executeTemplate, JsonPathError } from './jsonpath.js';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutput(o: string): OutputFormat {
  if (o === '' || o === 'wide') return { kind: 'table', wide: o === 'wide' };
  if (o === 'json' || o === 'yaml' || o === 'name') return { kind: o };
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (!arg) throw new Error("template format specified but no template given");
    return { kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' };
  }
  if (name === 'custom-columns') return { kind: 'custom-columns', spec: arg };
  throw new Error(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

export interface PrintOptions { single: boolean; noHeaders: boolean; nameOf: (o: KObj) => string; keepOrder?: boolean }

/** What kubectl prints for these objects; a single named object prints bare, anything else as a List. */
export function printObjects(f: OutputFormat, objects: KObj[], o: PrintOptions): string {
  const data = o.single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  switch (f.kind) {
    case 'json': return toGoJson(data, '    ', !o.keepOrder);
    case 'yaml': return toGoYaml(data);
    case 'name': return objects.map((x) => o.nameOf(x) + '\n').join('');
    case 'custom-columns': return printCustomColumns(parseCustomColumns(f.spec), objects, o.noHeaders);
    case 'jsonpath':
      try {
        return executeTemplate(f.template, data);
      } catch (e) {
        if (e instanceof JsonPathError) throw new Error(`error parsing jsonpath ${f.template}, ${e.message}`);
        throw e;
      }
    default: return '';
  }
}
