// Prints the API benchmark's figures: one readable table per group, each figure beside the
// same-run baseline it is a fraction of, then one JSON line with everything for machines.
import type { ListResult, LoadResult } from './api-phases.js';
import type { memoryOf } from './server-process.js';
import type { NodeBaseline, SqliteBaseline } from './sqlite-baseline.js';
import { pct, printTable, round, verdict, type Row } from './stats.js';
import type { FanoutResult } from './watch-fanout.js';

export const TARGET = { createPerSec: 3_000, createP99Ms: 20, listMs: 150, readyMs: 300, rssMiB: 200 };

export interface StartResult { readyzMs: number; readyLineMs: number }
type Memory = ReturnType<typeof memoryOf>;
type WithCpu<T> = T & { serverCpuMs: number };

export interface Figures {
  nodeBase: NodeBaseline;
  sql: SqliteBaseline;
  create: WithCpu<LoadResult>;
  createMem: WithCpu<LoadResult>;
  list: ListResult;
  fanout: WithCpu<FanoutResult>;
  rssAfterCreate: Memory;
  rss: Memory;
  rssMem: Memory;
  startFresh: StartResult;
  startLoaded: StartResult;
}

const n = (v: number, unit: string, d = 1) => `${round(v, d).toLocaleString('en-US')} ${unit}`;

export function report(f: Partial<Figures>, run: { pods: number; clients: number }, failures: string[]): void {
  const { sql, nodeBase } = f;
  const commitMs = sql ? 1000 / sql.insertPerRowTx : NaN; // one durable single-row commit: the floor of a write's latency
  const ofBoth = (perSec: number) => (sql ? `${pct(perSec, sql.insertBatched100)} / ${pct(perSec, sql.insertPerRowTx)}` : '');
  const scanMs = sql?.scanParseStringifyMs ?? NaN;
  const spawnMs = nodeBase?.spawnToOutputMs ?? NaN;
  const idleMiB = nodeBase?.idleRssMiB ?? NaN;
  const failed = (what: string): Row => ({ name: what, value: 'FAILED' });

  if (sql && nodeBase) {
    printTable('Baselines (this machine, this run)', [
      { name: 'sqlite insert, 1 tx per row (WAL, sync=FULL)', value: n(sql.insertPerRowTx, 'rows/s', 0), target: `${sql.rowsPerRowTx} rows; ${n(commitMs, 'ms/commit', 2)}` },
      { name: 'sqlite insert, tx of 100 rows', value: n(sql.insertBatched100, 'rows/s', 0) },
      { name: `sqlite scan ${run.pods} rows`, value: n(sql.scanMs, 'ms') },
      { name: 'sqlite scan + JSON parse/stringify', value: n(sql.scanParseStringifyMs, 'ms') },
      { name: 'node spawn to first output', value: n(nodeBase.spawnToOutputMs, 'ms') },
      { name: 'idle node RSS', value: n(nodeBase.idleRssMiB, 'MiB') },
    ]);
    process.stdout.write('\n"vs baseline": throughput as % of tx-of-100 / 1-tx-per-row inserts; latency as % of one commit;\n'
      + 'list as % of scan+JSON; start as % of node spawn; RSS as % of idle node.\n');
  }

  const rows: Row[] = [];
  const createRows = (label: string, c: WithCpu<LoadResult> | undefined) => {
    if (!c) { rows.push(failed(label)); return; }
    rows.push(
      { name: label, value: n(c.perSec, '/s', 0), baseline: ofBoth(c.perSec), target: verdict(c.perSec >= TARGET.createPerSec, `≥ ${TARGET.createPerSec}/s`) },
      { name: '  latency p50', value: n(c.p50Ms, 'ms', 2), baseline: pct(c.p50Ms, commitMs) },
      { name: '  latency p99', value: n(c.p99Ms, 'ms', 2), baseline: pct(c.p99Ms, commitMs), target: verdict(c.p99Ms < TARGET.createP99Ms, `< ${TARGET.createP99Ms} ms`) },
      { name: '  server CPU per create', value: n((c.serverCpuMs * 1000) / c.count, 'µs', 0) },
    );
  };
  createRows(`create ${run.pods} pods (sqlite)`, f.create);
  createRows(`create ${run.pods} pods (memory)`, f.createMem);

  if (f.list) {
    rows.push(
      { name: `list ${run.pods} pods (median of 5)`, value: n(f.list.jsonMs, 'ms'), baseline: pct(f.list.jsonMs, scanMs), target: verdict(f.list.jsonMs < TARGET.listMs, `< ${TARGET.listMs} ms`) },
      { name: '  response size', value: n(f.list.jsonBytes / 2 ** 20, 'MiB') },
      { name: 'list as Table (median of 5)', value: n(f.list.tableMs, 'ms'), baseline: pct(f.list.tableMs, scanMs), target: verdict(f.list.tableMs < TARGET.listMs, `< ${TARGET.listMs} ms`) },
      { name: '  response size', value: n(f.list.tableBytes / 2 ** 20, 'MiB') },
    );
  } else rows.push(failed('list'));

  const w = f.fanout;
  if (w) {
    rows.push(
      { name: `watch: ${w.watchers} watchers x ${w.events} creates`, value: 'all delivered', target: `${n(w.totalMs / 1000, 's', 1)} total` },
      { name: '  write rate while watched', value: n(w.writesPerSec, '/s', 0), baseline: ofBoth(w.writesPerSec) },
      { name: '  lag after ack p50', value: n(w.lagAfterAckP50Ms, 'ms', 2), target: 'negative: the event beat the response' },
      { name: '  lag after ack p99', value: n(w.lagAfterAckP99Ms, 'ms', 2) },
      { name: '  lag after send p50', value: n(w.lagAfterSendP50Ms, 'ms', 2), target: 'send: write latency + delivery' },
      { name: '  lag after send p99', value: n(w.lagAfterSendP99Ms, 'ms', 2) },
      { name: '  server CPU per delivery', value: n((w.serverCpuMs * 1000) / (w.watchers * w.events), 'µs', 1) },
    );
  } else rows.push(failed('watch fan-out'));

  const startRows = (label: string, s: StartResult | undefined) => {
    if (!s) { rows.push(failed(label)); return; }
    rows.push(
      { name: label, value: n(s.readyzMs, 'ms'), baseline: pct(s.readyzMs, spawnMs), target: verdict(s.readyzMs < TARGET.readyMs, `< ${TARGET.readyMs} ms`) },
      { name: '  to "ready" line', value: n(s.readyLineMs, 'ms'), baseline: pct(s.readyLineMs, spawnMs) },
    );
  };
  startRows('start to /readyz 200, fresh dir', f.startFresh);
  startRows(`start to /readyz 200, ${run.pods} pods`, f.startLoaded);

  if (f.rssAfterCreate) rows.push({ name: 'RSS after create (sqlite)', value: n(f.rssAfterCreate.rssMiB, 'MiB'), baseline: pct(f.rssAfterCreate.rssMiB, idleMiB) });
  if (f.rss) {
    rows.push(
      { name: 'RSS after list + watch (sqlite)', value: n(f.rss.rssMiB, 'MiB'), baseline: pct(f.rss.rssMiB, idleMiB), target: verdict(f.rss.rssMiB < TARGET.rssMiB, `< ${TARGET.rssMiB} MB`) },
      { name: '  peak RSS (VmHWM)', value: n(f.rss.hwmMiB, 'MiB'), baseline: pct(f.rss.hwmMiB, idleMiB) },
    );
  }
  if (f.rssMem) rows.push({ name: 'RSS after create (memory)', value: n(f.rssMem.rssMiB, 'MiB'), baseline: pct(f.rssMem.rssMiB, idleMiB) });
  printTable(`API server over HTTPS, ${run.clients} keep-alive clients`, rows);

  if (failures.length) process.stdout.write(`\nFAILED phases:\n${failures.map((x) => `  ${x}`).join('\n')}\n`);
  const strip = (c?: WithCpu<LoadResult>) => (c ? { count: c.count, perSec: c.perSec, p50Ms: c.p50Ms, p99Ms: c.p99Ms, serverCpuMs: c.serverCpuMs } : null);
  const json = {
    bench: 'api', ok: failures.length === 0, failures,
    baseline: { sqlite: sql ?? null, node: nodeBase ?? null },
    create: strip(f.create), createMem: strip(f.createMem), list: f.list ?? null, watch: f.fanout ?? null,
    start: { fresh: f.startFresh ?? null, loaded: f.startLoaded ?? null },
    rss: { afterCreate: f.rssAfterCreate ?? null, afterListWatch: f.rss ?? null, memoryStore: f.rssMem ?? null },
    targets: TARGET,
  };
  process.stdout.write(`\n${JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' ? round(v, 3) : v))}\n`);
}
