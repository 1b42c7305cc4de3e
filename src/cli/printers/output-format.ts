// Which printer an -o value names (kubectl's PrintFlags.ToPrinter), apart from the printers
// themselves, so a table command parses -o without loading the YAML, JSON and jsonpath printers.
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
