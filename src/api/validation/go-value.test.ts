import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString, invalidValue } from '../errors.js';
import { goIntOrString, goLabelSelector, goStringMap, withGoValue } from './go-value.js';

const cases: Array<{ name: string; got: string; want: string }> = [
  { name: 'nil map', got: goStringMap(undefined), want: 'map[string]string(nil)' },
  { name: 'map keys sorted', got: goStringMap({ b: '2', a: '1' }), want: 'map[string]string{"a":"1", "b":"2"}' },
  { name: 'label selector', got: goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists' }] }),
    want: 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"Exists", Values:[]string(nil)}}}' },
  { name: 'int-or-string string', got: goIntOrString('25%'), want: 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}' },
  { name: 'rendered value leads the detail', got: fieldErrorString(withGoValue(invalidValue('f', undefined, 'bad'), goStringMap({ a: 'b' }))),
    want: 'f: Invalid value: map[string]string{"a":"b"}: bad' },
];
for (const c of cases) test(c.name, () => assert.equal(c.got, c.want));
