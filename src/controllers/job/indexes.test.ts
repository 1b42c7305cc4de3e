import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPendingIndexes, formatIndexes, generateNameWithIndex, mergeIntervals, parseIndexes, totalIndexes, withIndexes } from './indexes.js';

const cases: Array<{ name: string; s: string; completions: number; want: string; total: number }> = [
  { name: 'empty', s: '', completions: 5, want: '', total: 0 },
  { name: 'ranges and singles', s: '1,3-5', completions: 10, want: '1,3-5', total: 4 },
  { name: 'two adjacent indexes are written with a comma', s: '3-4', completions: 10, want: '3,4', total: 2 },
  { name: 'adjacent intervals merge', s: '0-1,2,3-4', completions: 10, want: '0-4', total: 5 },
  { name: 'indexes at or past completions are dropped', s: '1,3-7,9', completions: 5, want: '1,3,4', total: 3 },
  { name: 'corrupt parts are skipped', s: 'x,2,y-3', completions: 5, want: '2', total: 1 },
  { name: 'empty parts and a leading dash are corrupt', s: 'a,1,2-b,,-3,4', completions: 10, want: '1,4', total: 2 },
  { name: 'the first part starting at completions ends the list', s: '1,5,2', completions: 5, want: '1', total: 1 },
  { name: 'a leading plus is a number, as Go Atoi', s: '+2', completions: 5, want: '2', total: 1 },
  { name: 'a number beyond int64 is corrupt, not large', s: '99999999999999999999,3', completions: 5, want: '3', total: 1 },
  { name: 'a third part of a range is ignored', s: '1-2-9', completions: 5, want: '1,2', total: 2 },
  { name: 'runs of 1, 2 and 3+ indexes', s: '1,3,4,9-12', completions: 20, want: '1,3,4,9-12', total: 7 },
];
for (const c of cases) {
  test(`completed indexes: ${c.name}`, () => {
    const iv = parseIndexes(c.s, c.completions);
    assert.deepEqual([formatIndexes(iv), totalIndexes(iv)], [c.want, c.total]);
  });
}

test('adding indexes keeps the intervals ordered and merged', () => {
  assert.equal(formatIndexes(withIndexes(parseIndexes('1,5', 10), [0, 2, 3, 7])), '0-3,5,7');
  assert.equal(formatIndexes(mergeIntervals(parseIndexes('0-2', 10), parseIndexes('4-6', 10))), '0-2,4-6');
});

test('the lowest missing indexes come first', () => {
  assert.deepEqual(firstPendingIndexes(parseIndexes('0,2-3', 10), 3, 10), [1, 4, 5]);
  assert.deepEqual(firstPendingIndexes([], 2, 1), [0]);
  assert.deepEqual(firstPendingIndexes(parseIndexes('0-4', 5), 2, 5), []);
});

test('generateName with an index: <job>-<index>-, the name cut to fit', () => {
  assert.equal(generateNameWithIndex('indexed', 2), 'indexed-2-');
  const long = 'j'.repeat(60);
  assert.equal(generateNameWithIndex(long, 12), 'j'.repeat(54) + '-12-');
  assert.equal(generateNameWithIndex(long, 12).length, 58);
});
