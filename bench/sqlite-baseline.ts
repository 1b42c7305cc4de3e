// Same-run ceilings: what better-sqlite3 alone does on this machine with the durability settings
// the SQLite store uses (WAL, synchronous=FULL), and what a bare Node process costs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { memoryOf } from './server-process.js';
import { median } from './stats.js';

export interface SqliteBaseline {
  /** Rows/s with one transaction (one fsync) per row. */
  insertPerRowTx: number;
  rowsPerRowTx: number;
  /** Rows/s in transactions of 100 rows. */
  insertBatched100: number;
  /** ms to read every row of a 10,000-row prefix. */
  scanMs: number;
  /** ms to read, JSON.parse and JSON.stringify them as one list: the least a list must do. */
  scanParseStringifyMs: number;
}

const PER_ROW_TIME_CAP_MS = 3_000; // one fsync per row can be slow on some disks: bound the phase

export function sqliteBaseline(dir: string, value: string, rows: number): SqliteBaseline {
  const db = new Database(join(dir, 'baseline.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The same table shape as src/store/sqlite/sqlite-store.ts.
    db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO kv (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)');
    const key = (p: string, i: number) => `/registry/pods/${p}/bench-${String(i).padStart(5, '0')}`;

    let t = performance.now();
    let n = 0;
    while (n < rows && performance.now() - t < PER_ROW_TIME_CAP_MS) { n++; insert.run(key('single', n), value, n, n); }
    const insertPerRowTx = n / ((performance.now() - t) / 1000);

    const batch = db.transaction((from: number) => { for (let i = from; i < from + 100; i++) insert.run(key('default', i), value, i, i); });
    t = performance.now();
    for (let i = 0; i < rows; i += 100) batch(i);
    const insertBatched100 = rows / ((performance.now() - t) / 1000);

    const scan = db.prepare<[string, string], { key: string; value: string; create_rev: number; mod_rev: number }>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key');
    const prefix = '/registry/pods/default/';
    const scans: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      const all = scan.all(prefix, `${prefix}\uffff`);
      scans.push(performance.now() - t);
      if (all.length !== rows) throw new Error(`baseline scan read ${all.length} rows, want ${rows}`);
      t = performance.now();
      const items = scan.all(prefix, `${prefix}\uffff`).map((r) => JSON.parse(r.value) as unknown);
      JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items });
      full.push(performance.now() - t);
    }
    return { insertPerRowTx, rowsPerRowTx: n, insertBatched100, scanMs: median(scans), scanParseStringifyMs: median(full) };
  } finally {
    db.close();
  }
}

export interface NodeBaseline {
  /** ms from spawn to the first stdout line of `node -e`: the floor for any Node server's start. */
  spawnToOutputMs: number;
  /** RSS of an idle bare Node process, MiB. */
  idleRssMiB: number;
}

export async function nodeBaseline(): Promise<NodeBaseline> {
  const times: number[] = [];
  let idleRssMiB = NaN;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['-e', 'console.log("ready"); setTimeout(() => {}, 10000)'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((res, rej) => { p.stdout.once('data', () => res()); p.once('error', rej); });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
      idleRssMiB = memoryOf(p.pid!).rssMiB;
    } finally {
      p.kill('SIGKILL');
    }
  }
  return { spawnToOutputMs: median(times), idleRssMiB };
}
