import { storeConformance } from '../conformance.js';
import { MemoryStore } from './memory-store.js';

storeConformance('memory', async () => ({ store: new MemoryStore() }));
