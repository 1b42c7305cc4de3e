import test from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { StatusError } from '../errors.js';
import {
  formatLabelSelector, formatLabels, labelSelectorAsSelector, labelSelectorMatches, matches, parseLabelSelector, requiredExactValue,
  selectorFromSet, selectorToString,
} from './label-selector.js';

const valueRegexMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const nameRegexMsg = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const printCases: Array<{ in: string; out: string }> = [
  { in: 'a=b,c==d,e!=f,g in (x,y),h notin (z),i,!j', out: 'a=b,c==d,e!=f,g in (x,y),h notin (z),i,!j' },
  { in: 'x in (foo,,baz),y,z notin ()', out: 'x in (,baz,foo),y,z notin ()' },
  { in: 'z=1, a = 2 ,m', out: 'a=2,m,z=1' },
  { in: 'x>1,z<5', out: 'x>1,z<5' },
  { in: 'g in (y,x)', out: 'g in (x,y)' },
  { in: 'value in (in,notin)', out: 'value in (in,notin)' },
  { in: 'example.com/app=web', out: 'example.com/app=web' },
  { in: 'a=', out: 'a=' },
  { in: '', out: '' },
];
for (const c of printCases) {
  test(`parse and print ${JSON.stringify(c.in)}`, () => assert.equal(selectorToString(parseLabelSelector(c.in)), c.out));
}

const errorCases: Array<{ in: string; msg: string }> = [
  { in: 'x==a==b', msg: "found '==', expected: ',' or 'end of string'" },
  { in: '!x=a', msg: "found '=', expected: ',' or 'end of string'" },
  { in: ',', msg: "found ',', expected: !, identifier, or 'end of string'" },
  { in: 'a,', msg: "found '', expected: identifier after ','" },
  { in: 'a b', msg: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" },
  { in: 'x in a', msg: "unable to parse requirement: found 'a' expected: '('" },
  { in: 'x in (a', msg: "unable to parse requirement: found '', expected: ',' or ')'" },
  { in: 'x in (a b)', msg: "unable to parse requirement: found 'b', expected: ',' or ')'" },
  { in: 'x in (=)', msg: "unable to parse requirement: found '=', expected: ',', ')' or identifier" },
  { in: 'x=(', msg: "unable to parse requirement: found '(', expected: identifier" },
  { in: 'x<a', msg: `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer` },
  { in: 'x=a||y', msg: `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueRegexMsg}` },
  { in: '-a', msg: `unable to parse requirement: <nil>: Invalid value: "-a": ${nameRegexMsg}` },
  { in: 'a/b/c', msg: `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')` },
  { in: '/a', msg: 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty' },
];
for (const c of errorCases) {
  test(`parse error ${JSON.stringify(c.in)}`, () => {
    assert.throws(() => parseLabelSelector(c.in), (e: unknown) => {
      assert.ok(e instanceof StatusError);
      assert.equal(e.code, 400);
      assert.equal(e.message, c.msg);
      return true;
    });
  });
}

const matchCases: Array<{ sel: string; labels: Record<string, string>; want: boolean }> = [
  { sel: 'a=b', labels: { a: 'b' }, want: true },
  { sel: 'a=b', labels: { a: 'c' }, want: false },
  { sel: 'a=b', labels: {}, want: false },
  { sel: 'a!=b', labels: {}, want: true },
  { sel: 'a!=b', labels: { a: 'b' }, want: false },
  { sel: 'a notin (x)', labels: {}, want: true },
  { sel: 'a in (x,y)', labels: { a: 'y' }, want: true },
  { sel: 'a', labels: { a: '' }, want: true },
  { sel: '!a', labels: { a: '' }, want: false },
  { sel: '!a', labels: { b: 'x' }, want: true },
  { sel: 'a>5', labels: { a: '10' }, want: true },
  { sel: 'a>5', labels: { a: 'x' }, want: false },
  { sel: 'a<5', labels: {}, want: false },
  { sel: 'a=b,c=d', labels: { a: 'b' }, want: false },
  { sel: '', labels: {}, want: true },
];
for (const c of matchCases) {
  test(`${JSON.stringify(c.sel)} matches ${JSON.stringify(c.labels)}: ${c.want}`, () => {
    assert.equal(matches(parseLabelSelector(c.sel), c.labels), c.want);
  });
}

test('a nil LabelSelector matches nothing, an empty one everything', () => {
  assert.equal(matches(labelSelectorAsSelector(undefined), {}), false);
  assert.equal(matches(labelSelectorAsSelector(null), { a: 'b' }), false);
  assert.equal(matches(labelSelectorAsSelector({}), {}), true);
  assert.equal(matches(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }), { a: 'b' }), true);
});

const convertCases: Array<{ name: string; ls: LabelSelector; out: string }> = [
  { name: 'matchExpressions In', ls: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, out: 'app in (kubia)' },
  { name: 'matchLabels', ls: { matchLabels: { app: 'kubia' } }, out: 'app=kubia' },
  {
    name: 'labels and expressions sorted by key',
    ls: { matchLabels: { b: '1', a: '2' }, matchExpressions: [{ key: 'c', operator: 'Exists' }, { key: 'aa', operator: 'DoesNotExist' }, { key: 'd', operator: 'NotIn', values: ['y', 'x'] }] },
    out: 'a=2,!aa,b=1,c,d notin (x,y)',
  },
];
for (const c of convertCases) test(`LabelSelectorAsSelector: ${c.name}`, () => assert.equal(selectorToString(labelSelectorAsSelector(c.ls)), c.out));

test('LabelSelectorAsSelector errors as upstream', () => {
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }), { message: '"Foo" is not a valid label selector operator' });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), {
    message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
  });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }), {
    message: `values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist`,
  });
  assert.throws(() => labelSelectorAsSelector({ matchLabels: { '-a': 'b!' } }), {
    message: `[key: Invalid value: "-a": ${nameRegexMsg}, values[0][-a]: Invalid value: "b!": ${valueRegexMsg}]`,
  });
});

const objectMatchCases: Array<{ name: string; ls: LabelSelector | undefined; labels: Record<string, string>; want: boolean | undefined }> = [
  { name: 'nil selects nothing', ls: undefined, labels: { a: 'b' }, want: false },
  { name: 'empty selects everything', ls: {}, labels: {}, want: true },
  { name: 'matchLabels and NotIn ANDed', ls: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['d'] }] }, labels: { a: 'b' }, want: true },
  { name: 'DoesNotExist fails on a present key', ls: { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, labels: { a: 'b' }, want: false },
  { name: 'unknown operator cannot convert', ls: { matchExpressions: [{ key: 'a', operator: 'Foo' }] }, labels: {}, want: undefined },
  { name: 'In without values cannot convert', ls: { matchExpressions: [{ key: 'a', operator: 'In' }] }, labels: {}, want: undefined },
  { name: 'a malformed key cannot convert', ls: { matchLabels: { '-a': 'b' } }, labels: { '-a': 'b' }, want: undefined },
];
for (const c of objectMatchCases) test(`labelSelectorMatches: ${c.name}`, () => assert.equal(labelSelectorMatches(c.ls, c.labels), c.want));

const formatCases: Array<{ name: string; sel: LabelSelector | undefined; want: string }> = [
  { name: 'nil selector', sel: undefined, want: '<none>' },
  { name: 'empty selector', sel: {}, want: '<none>' },
  { name: 'match labels sorted by key', sel: { matchLabels: { b: '2', a: '1' } }, want: 'a=1,b=2' },
  { name: 'In with sorted values', sel: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, want: 'app in (kubia)' },
  { name: 'NotIn, Exists, DoesNotExist', sel: { matchExpressions: [
    { key: 'z', operator: 'NotIn', values: ['b', 'a'] }, { key: 'y', operator: 'Exists' }, { key: 'x', operator: 'DoesNotExist' }] },
    want: '!x,y,z notin (a,b)' },
  { name: 'unknown operator', sel: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, want: '<error>' },
];
for (const c of formatCases) test(`formatLabelSelector: ${c.name}`, () => assert.equal(formatLabelSelector(c.sel), c.want));

test('formatLabels sorts keys and prints <none> when empty', () => {
  assert.equal(formatLabels({ disk: 'ssd', app: 'x' }), 'app=x,disk=ssd');
  assert.equal(formatLabels(undefined), '<none>');
  assert.equal(formatLabels({}), '<none>');
});

test('table column and set printing', () => {
  assert.equal(formatLabelSelector(undefined), '<none>');
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }), 'app in (kubia)');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Bad' }] }), '<error>');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  assert.equal(matches(selectorFromSet({ app: 'kubia' }), { app: 'kubia', x: 'y' }), true);
});

test('requiredExactValue', () => {
  assert.equal(requiredExactValue(parseLabelSelector('a=b,c in (d),e in (f,g)'), 'a'), 'b');
  assert.equal(requiredExactValue(parseLabelSelector('a=b,c in (d),e in (f,g)'), 'c'), 'd');
  assert.equal(requiredExactValue(parseLabelSelector('a=b,c in (d),e in (f,g)'), 'e'), undefined);
});
