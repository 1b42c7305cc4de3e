import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformance } from '../conformance.js';
import { SqliteStore } from './sqlite-store.js';

storeConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelite-store-'));
  const file = join(dir, 'db');
  return { store: new SqliteStore(file), reopen: async () => new SqliteStore(file), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});
