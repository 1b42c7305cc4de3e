import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, mappingFor } from './expansion.js';

const vars = new Map([['VAR_A', 'A'], ['VAR_B', 'B'], ['VAR_C', 'C'], ['VAR_REF', '$(VAR_A)'], ['VAR_EMPTY', '']]);
const mapping = mappingFor(vars);

const cases: Array<[string, string, string]> = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape and expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['escaped bare operator', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash is not an escape', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['nested references stay literal', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['value is not re-expanded', '$(VAR_REF)', '$(VAR_A)'],
  ['empty value', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['shell specials pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operator ignored', '$VAR_A', '$VAR_A'],
  ['undefined passes through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['even operators, undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['odd operators, defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['odd operators, undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete kept', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing $( kept', '$(VAR_C)_______$(', 'C_______$('],
  ['trailing operator kept', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['many $( in the middle', '--$($($($($--', '--$($($($($--'],
  ['escaped operators inside a name', '$(foo$$var)', '$(foo$$var)'],
];
for (const [name, input, want] of cases) test(`expand: ${name}`, () => assert.equal(expand(input, mapping), want));

test('mappingFor looks contexts up in order', () => {
  const m = mappingFor(new Map([['X', '1']]), new Map([['X', '2'], ['Y', '3']]));
  assert.equal(expand('$(X)$(Y)$(Z)', m), '13$(Z)');
});
