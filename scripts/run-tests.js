#!/usr/bin/env node
// Runs every compiled test file with node's test runner and prints one closing summary line
// ("N passed, N failed, N skipped") that CI reads. Usage: node scripts/run-tests.js [filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = findTests('dist').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
// Test files run four at a time: most of an end-to-end file's time is waiting on servers, kubectl and
// pods (grace periods, back-offs, a cron minute), not CPU. TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 4);
// A file still running after this fails (node's --test-timeout applies per file when files run in
// their own processes), so a hung test or a handle left open after the last test fails the suite
// instead of stalling CI. The slowest file takes about 2 minutes. TEST_FILE_TIMEOUT_MS overrides it.
const fileTimeoutMs = Number(process.env.TEST_FILE_TIMEOUT_MS ?? 600_000);
const args = ['--test', `--test-concurrency=${concurrency}`, `--test-timeout=${fileTimeoutMs}`, '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/summary-reporter.js', '--test-reporter-destination=stdout', ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
