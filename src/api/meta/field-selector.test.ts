import test from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../errors.js';
import { checkFieldLabels, fieldSelectorToString, matchesFields, parseFieldSelector, requiredFieldValue } from './field-selector.js';

const parseCases = [
  { in: 'a=b,c!=d,e==f', want: [{ field: 'a', operator: '=', value: 'b' }, { field: 'c', operator: '!=', value: 'd' }, { field: 'e', operator: '==', value: 'f' }] },
  { in: 'z=1,a=2', want: [{ field: 'a', operator: '=', value: '2' }, { field: 'z', operator: '=', value: '1' }] },
  { in: 'metadata.name=x\\,y', want: [{ field: 'metadata.name', operator: '=', value: 'x,y' }] },
  { in: 'a=b\\=c\\\\d', want: [{ field: 'a', operator: '=', value: 'b=c\\d' }] },
  { in: 'spec.nodeName=', want: [{ field: 'spec.nodeName', operator: '=', value: '' }] },
  { in: ',a=b,', want: [{ field: 'a', operator: '=', value: 'b' }] },
  { in: '', want: [] },
];
for (const c of parseCases) test(`parse ${JSON.stringify(c.in)}`, () => assert.deepEqual(parseFieldSelector(c.in).requirements, c.want));

const errorCases = [
  { in: 'a', msg: "invalid selector: 'a'; can't understand 'a'" },
  { in: 'x=y,b', msg: "invalid selector: 'x=y,b'; can't understand 'b'" },
  { in: 'a=b=c', msg: 'invalid field selector: unescaped character in value: 61' },
  { in: 'a=b\\x', msg: 'invalid field selector: invalid escape sequence: \\x' },
  { in: 'a=b\\', msg: 'invalid field selector: invalid escape sequence: \\' },
];
for (const c of errorCases) {
  test(`parse error ${JSON.stringify(c.in)}`, () => {
    assert.throws(() => parseFieldSelector(c.in), (e: unknown) => e instanceof StatusError && e.code === 400 && e.message === c.msg);
  });
}

test('matchesFields: absent fields compare as empty strings', () => {
  const fields: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const get = (p: string) => fields[p];
  const cases = [
    { sel: 'metadata.name=web', want: true },
    { sel: 'metadata.name!=web', want: false },
    { sel: 'status.phase=Running,metadata.name==web', want: true },
    { sel: 'spec.nodeName=', want: true },
    { sel: 'spec.nodeName!=', want: false },
    { sel: '', want: true },
  ];
  for (const c of cases) assert.equal(matchesFields(parseFieldSelector(c.sel), get), c.want, c.sel);
});

test('printing, exact match and unsupported labels', () => {
  assert.equal(fieldSelectorToString(parseFieldSelector('b==x\\,y,a!=z')), 'a!=z,b=x\\,y');
  assert.equal(requiredFieldValue(parseFieldSelector('a!=1,a=2'), 'a'), '2');
  assert.equal(requiredFieldValue(parseFieldSelector('a!=1'), 'a'), undefined);
  const supported = (l: string) => l.startsWith('metadata.');
  assert.doesNotThrow(() => checkFieldLabels(parseFieldSelector('metadata.name=a'), supported));
  assert.throws(() => checkFieldLabels(parseFieldSelector('metadata.name=a,spec.foo=b'), supported), (e: unknown) =>
    e instanceof StatusError && e.code === 400 && e.reason === 'BadRequest' && e.message === 'field label not supported: spec.foo');
});
