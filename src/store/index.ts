import { join } from 'node:path';
import { MemoryStore } from './memory/memory-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type StoreKind = 'sqlite' | 'memory';

export function openStore(kind: StoreKind, dataDir: string): Store {
  return kind === 'memory' ? new MemoryStore() : new SqliteStore(join(dataDir, 'kubelite.db'));
}
