import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerCells, formatLabels, formatLabelSelector } from './format.js';

const selectorCases = [
  { name: 'nil selector', sel: undefined, want: '<none>' },
  { name: 'empty selector', sel: {}, want: '<none>' },
  { name: 'match labels sorted by key', sel: { matchLabels: { b: '2', a: '1' } }, want: 'a=1,b=2' },
  { name: 'In with sorted values', sel: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, want: 'app in (kubia)' },
  { name: 'NotIn, Exists, DoesNotExist', sel: { matchExpressions: [
    { key: 'z', operator: 'NotIn', values: ['b', 'a'] }, { key: 'y', operator: 'Exists' }, { key: 'x', operator: 'DoesNotExist' }] },
    want: '!x,y,z notin (a,b)' },
  { name: 'unknown operator', sel: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, want: '<error>' },
];
for (const c of selectorCases) test(`formatLabelSelector: ${c.name}`, () => assert.equal(formatLabelSelector(c.sel), c.want));

test('formatLabels sorts keys and prints <none> when empty', () => {
  assert.equal(formatLabels({ disk: 'ssd', app: 'x' }), 'app=x,disk=ssd');
  assert.equal(formatLabels(undefined), '<none>');
  assert.equal(formatLabels({}), '<none>');
});

test('containerCells joins names and images', () => {
  assert.deepEqual(containerCells([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]), ['a,b', 'x,y']);
  assert.deepEqual(containerCells(undefined), ['', '']);
});
