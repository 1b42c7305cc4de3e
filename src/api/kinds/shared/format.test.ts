import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerCells } from './format.js';

test('containerCells joins names and images', () => {
  assert.deepEqual(containerCells([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]), ['a,b', 'x,y']);
  assert.deepEqual(containerCells(undefined), ['', '']);
});
