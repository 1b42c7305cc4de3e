// kubectl's -o formats for objects (k8s.io/cli-runtime printers): yaml and json (a single object,
// or a `List` wrapper for several), name (`kind.group/name`), jsonpath templates and custom
// columns.
import type { KObj } from '../core/targets.js';
import { parseCustomColumns, printCustomColumns } from './custom-columns.js';
import { toGoJson } from './go-json.js';
import { toGoYaml } from './go-yaml.js';
import { executeTemplate, executeTemplateAsJson, JsonPathError } from './jsonpath.js';
import type { OutputFormat } from './output-format.js';


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
        return f.asJson ? executeTemplateAsJson(f.template, data) : executeTemplate(f.template, data);
      } catch (e) {
        if (e instanceof JsonPathError) throw new Error(`error parsing jsonpath ${f.template}, ${e.message}`);
        throw e;
      }
    default: return '';
  }
}
