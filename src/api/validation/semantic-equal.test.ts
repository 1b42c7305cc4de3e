import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticEqual } from './semantic-equal.js';

const cases: Array<{ name: string; a: unknown; b: unknown; want: boolean }> = [
  { name: 'nil and empty slice are equal', a: undefined, b: [], want: true },
  { name: 'nil and empty map are equal', a: null, b: {}, want: true },
  { name: 'an object of empties counts as absent', a: { labels: {}, items: [] }, b: undefined, want: true },
  { name: 'missing and empty fields inside objects', a: { a: 1, b: [] }, b: { a: 1 }, want: true },
  { name: 'different scalars', a: { a: 1 }, b: { a: 2 }, want: false },
  { name: 'empty string is a value, not nil', a: '', b: undefined, want: false },
  { name: 'array order matters', a: [1, 2], b: [2, 1], want: false },
];
for (const c of cases) test(c.name, () => assert.equal(semanticEqual(c.a, c.b), c.want));
