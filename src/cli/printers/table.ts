// kubectl's human-readable printer over the server's meta.k8s.io Table (k8s.io/cli-runtime
// printers/tableprinter.go): upper-cased headers, priority-0 columns unless wide, a NAMESPACE
// column first for --all-namespaces, `kind.group/name` when several kinds are printed, label
// columns (-L) and LABELS (--show-labels) last, cells cut at their first line break with "...".
import { TabWriter } from './tabwriter.js';

export interface TableColumn { name: string; type: string; format: string; description?: string; priority: number }
export interface TableRow { cells: unknown[]; object?: { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } } | null }
export interface Table { kind: 'Table'; columnDefinitions: TableColumn[] | null; rows: TableRow[] | null; metadata?: { resourceVersion?: string; continue?: string } }

export interface TableOptions {
  wide?: boolean;
  withNamespace?: boolean;
  /** `pod`, `job.batch`: prefixes the name column when several kinds are printed. */
  kindPrefix?: string;
  labelColumns?: string[];
  showLabels?: boolean;
  noHeaders?: boolean;
}

/** printers.FormatLabels / labels.Set.String: sorted k=v, or <none>. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  let s = typeof cell === 'string' ? cell : typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
  const cut = s.search(/[\f\n\r]/);
  if (cut >= 0) s = s.slice(0, cut) + '...';
  return s;
}

/** The header and rows of one Table as kubectl prints them (as cells; tabulate() lays them out). */
export function tableRows(table: Table, columns: TableColumn[], o: TableOptions): string[][] {
  const shown = columns.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || c.priority === 0);
  const out: string[][] = [];
  if (!o.noHeaders) {
    const header = shown.map(({ c }) => c.name.toUpperCase());
    if (o.withNamespace) header.unshift('NAMESPACE');
    for (const l of o.labelColumns ?? []) header.push(l.split('/').pop()!.toUpperCase());
    if (o.showLabels) header.push('LABELS');
    out.push(header);
  }
  for (const row of table.rows ?? []) {
    const meta = row.object?.metadata ?? {};
    const cells = shown.map(({ c, i }) => {
      const text = cellText(row.cells[i]);
      return o.kindPrefix && c.format === 'name' ? `${o.kindPrefix}/${text}` : text;
    });
    if (o.withNamespace) cells.unshift(meta.namespace ?? '');
    for (const l of o.labelColumns ?? []) cells.push(meta.labels?.[l] ?? '');
    if (o.showLabels) cells.push(formatLabels(meta.labels));
    out.push(cells);
  }
  return out;
}

/** The table's text; pass the same writer to later tables (watch events) to keep their columns aligned. */
export function printTable(table: Table, o: TableOptions, writer = new TabWriter()): string {
  return writer.format(tableRows(table, table.columnDefinitions ?? [], o));
}
