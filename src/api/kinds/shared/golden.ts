// Test support: the golden Tables captured from a real control plane (shared/reference/golden/tables),
// read only when that tree is present (in CI it sits beside the repo as ../shared).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
