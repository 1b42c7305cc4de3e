// kubectl get --watch: a watch on the collection (or one object, by field selector) asking for
// Tables; each event's rows are printed and flushed alone, so their columns line up only with
// themselves, as kubectl's per-event tabwriter flush does.
import type { Cli } from '../core/command.js';
import { resourcePath } from '../core/resources.js';
import { statusErrorFrom, readAll } from '../../client/http-transport.js';
import { TABLE_ACCEPT, type Target } from '../core/targets.js';
import type { Table } from '../printers/table.js';

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  allNamespaces: boolean;
  resourceVersion?: string;
  headerPrinted: boolean;
  print(table: Table, header: boolean): string;
}

export async function watchTables(cli: Cli, t: Target, o: WatchOptions): Promise<void> {
  const ctx = cli.context();
  const q = new URLSearchParams();
  if (o.labelSelector) q.set('labelSelector', o.labelSelector);
  const fields = [o.fieldSelector, t.names.length === 1 ? `metadata.name=${t.names[0]}` : ''].filter(Boolean).join(',');
  if (fields) q.set('fieldSelector', fields);
  if (o.resourceVersion) q.set('resourceVersion', o.resourceVersion);
  q.set('watch', 'true');
  const res = await ctx.transport.open({ method: 'GET', path: `${resourcePath(t.resource, o.allNamespaces ? undefined : ctx.namespace)}?${q}`, accept: TABLE_ACCEPT, watch: true });
  if ((res.statusCode ?? 0) !== 200) throw statusErrorFrom(res.statusCode ?? 500, await readAll(res));
  let columns: Table['columnDefinitions'] = null;
  let header = !o.headerPrinted;
  let buf = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    buf += chunk as string;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const ev = JSON.parse(line) as { type: string; object: Table & { code?: number } };
      if (ev.type === 'ERROR') throw statusErrorFrom(ev.object.code ?? 500, ev.object);
      if (ev.type === 'BOOKMARK') continue;
      columns = ev.object.columnDefinitions ?? columns;
      cli.out(o.print({ ...ev.object, columnDefinitions: columns }, header));
      header = false;
    }
  }
}
