// Test support: the golden Tables captured from a real control plane (shared/reference/golden/tables),
// read only when that tree is present (in CI it sits beside the repo as ../shared).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';

export interface GoldenRow { cells: unknown[]; object: KObject; conditions?: unknown[] }
export interface GoldenTable { columnDefinitions: TableColumn[]; rows: GoldenRow[] }

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The golden tables directory, or undefined when the reference tree is absent. */
export function goldenTablesDir(): string | undefined {
  const candidates = [
    process.env.KUBELITE_GOLDEN && join(process.env.KUBELITE_GOLDEN, 'tables'),
    resolve(repoRoot(), '../shared/reference/golden/tables'),
    '/work/shared/reference/golden/tables',
  ];
  return candidates.find((d): d is string => !!d && existsSync(d));
}

/** A golden Table by file name, e.g. 'pods.table.includeObject-Object.rows-trimmed.json'. */
export function goldenTable(file: string): GoldenTable | undefined {
  const dir = goldenTablesDir();
  if (!dir || !existsSync(join(dir, file))) return undefined;
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenTable;
}

/**
 * The cells of a row keyed by column name, so a v1.33 row compares with a v1.28 one column by
 * column (v1.33 added Job STATUS and CronJob TIMEZONE), leaving out `skip` (time-relative cells).
 */
export function cellsByName(columns: TableColumn[], cells: unknown[], skip: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => { if (!skip.includes(c.name)) out[c.name] = cells[i]; });
  return out;
}

/** Our row restricted to the columns the golden table also has. */
export function comparableRow(
  ours: TableColumn[], cells: unknown[], golden: TableColumn[], skip: string[] = [],
): Record<string, unknown> {
  const names = new Set(golden.map((c) => c.name));
  return cellsByName(ours.filter((c) => names.has(c.name)), cells.filter((_, i) => names.has(ours[i].name)), skip);
}

/** The [lo, hi) seconds an AGE text stands for (HumanDuration is floored); undefined past minutes. */
function ageInterval(text: string): [number, number] | undefined {
  let m = /^(\d+)s$/.exec(text);
  if (m) return [+m[1], +m[1] + 1];
  m = /^(\d+)m(\d+)s$/.exec(text);
  if (m) return [+m[1] * 60 + +m[2], +m[1] * 60 + +m[2] + 1];
  m = /^(\d+)m$/.exec(text);
  if (m) return +m[1] < 10 ? [+m[1] * 60, +m[1] * 60 + 1] : [+m[1] * 60, +m[1] * 60 + 60];
  return undefined;
}

/**
 * The server clock (ms) at capture, recovered from every row's AGE and creationTimestamp, so that
 * time-relative cells compare exactly; undefined when the ages do not pin it down.
 */
export function goldenNow(table: GoldenTable, ageColumn = 'Age'): number | undefined {
  const i = table.columnDefinitions.findIndex((c) => c.name === ageColumn);
  let lo = -Infinity;
  let hi = Infinity;
  for (const r of table.rows) {
    const span = ageInterval(String(r.cells[i]));
    const created = Date.parse(r.object?.metadata?.creationTimestamp ?? '');
    if (!span || Number.isNaN(created)) continue;
    lo = Math.max(lo, created + span[0] * 1000);
    hi = Math.min(hi, created + span[1] * 1000);
  }
  return lo < hi && Number.isFinite(lo) ? (lo + Math.min(hi, lo + 1000)) / 2 : undefined;
}

/**
 * Registers a test: our columns equal the golden ones they share (v1.28 ones; `extraColumns` are the
 * v1.33 additions), and every golden row's object prints to the golden cells, column by column, at the
 * recovered capture time; `skip` names cells that cannot be recovered (e.g. sub-second event times).
 */
export function testGoldenRows(
  file: string, columns: TableColumn[], cells: (o: KObject, now: number) => unknown[],
  opts: { skip?: string[]; extraColumns?: string[] } = {},
): void {
  const golden = goldenTable(file);
  test(`golden ${file}`, { skip: !golden && 'golden tree absent' }, () => {
    const g = golden!;
    const extra = opts.extraColumns ?? [];
    assert.deepEqual(columns.filter((c) => !extra.includes(c.name)), g.columnDefinitions);
    const now = goldenNow(g) ?? Date.now();
    const skip = goldenNow(g) === undefined ? ['Age', ...(opts.skip ?? [])] : (opts.skip ?? []);
    for (const r of g.rows) {
      assert.deepEqual(comparableRow(columns, cells(r.object, now), g.columnDefinitions, skip),
        comparableRow(g.columnDefinitions, r.cells, g.columnDefinitions, skip), String(r.object.metadata.name));
    }
  });
}
