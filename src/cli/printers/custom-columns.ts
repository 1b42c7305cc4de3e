// kubectl -o custom-columns=HEADER:path,… (k8s.io/kubectl/pkg/cmd/get/customcolumn.go): headers as
// typed, one row per object, several results of a path joined by commas, <none> when a path finds
// nothing.
import { evaluate, parseTemplate, relaxedPath, valueText } from './jsonpath.js';
import { tabulate } from './tabwriter.js';
import { FlagError } from '../core/kflags.js';

export interface CustomColumn { header: string; path: string }

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (!spec) throw new FlagError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new FlagError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: relaxedPath(part.slice(colon + 1)) };
  });
}

export function printCustomColumns(cols: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  const compiled = cols.map((c) => {
    const nodes = parseTemplate(c.path);
    const node = nodes.find((n) => n.t === 'path');
    return node && node.t === 'path' ? node.steps : [];
  });
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)];
  for (const obj of objects) {
    rows.push(compiled.map((steps) => {
      const values = evaluate(steps, obj).filter((v) => v !== undefined);
      return values.length ? values.map(valueText).join(',') : '<none>';
    }));
  }
  return tabulate(rows);
}
