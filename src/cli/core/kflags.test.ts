import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPositional, parseArgs, type Flag } from './kflags.js';
import { suggestionsFor } from './suggest.js';

const specs: Flag[] = [
  { name: 'output', short: 'o', type: 'string', default: '', help: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: '' },
  { name: 'watch', short: 'w', type: 'bool', default: false, help: '' },
  { name: 'label-columns', short: 'L', type: 'strings', default: [], help: '' },
  { name: 'env', type: 'array', default: [], help: '' },
  { name: 'replicas', type: 'int', default: 0, help: '' },
  { name: 'dry-run', type: 'string', default: 'none', noValue: 'unchanged', help: '' },
];

const cases: Array<{ argv: string[]; flags?: Record<string, unknown>; args?: string[]; rest?: string[] }> = [
  { argv: ['get', 'pods', '-o', 'wide'], flags: { output: 'wide' }, args: ['get', 'pods'] },
  { argv: ['-oyaml', 'po'], flags: { output: 'yaml' }, args: ['po'] },
  { argv: ['-o=json'], flags: { output: 'json' } },
  { argv: ['--output=name', 'po'], flags: { output: 'name' } },
  { argv: ['-Aw'], flags: { 'all-namespaces': true, watch: true } },
  { argv: ['-L', 'a,b', '-L', 'c'], flags: { 'label-columns': ['a', 'b', 'c'] } },
  { argv: ['--env', 'A=1,2', '--env=B=3'], flags: { env: ['A=1,2', 'B=3'] } },
  { argv: ['--replicas=3'], flags: { replicas: 3 } },
  { argv: ['--dry-run'], flags: { 'dry-run': 'unchanged' } },
  { argv: ['-n', 'kube-system', 'po'], flags: { namespace: 'kube-system' }, args: ['po'] },
  { argv: ['job', 'x', '--', 'echo', '-n', 'hi'], args: ['job', 'x'], rest: ['echo', '-n', 'hi'] },
  { argv: ['--all-namespaces=false'], flags: { 'all-namespaces': false } },
];
for (const c of cases) {
  test(`parses ${c.argv.join(' ')}`, () => {
    const p = parseArgs(c.argv, specs);
    for (const [k, v] of Object.entries(c.flags ?? {})) assert.deepEqual(p.flags[k], v, k);
    if (c.args) assert.deepEqual(p.args, c.args);
    if (c.rest) assert.deepEqual(p.rest, c.rest);
  });
}

const errors: Array<[string[], string]> = [
  [['--foo'], 'unknown flag: --foo'],
  [['-z'], "unknown shorthand flag: 'z' in -z"],
  [['-o'], "flag needs an argument: 'o' in -o"],
  [['--output'], 'flag needs an argument: --output'],
  [['--replicas=x'], 'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax'],
  [['-A=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
];
for (const [argv, message] of errors) test(`pflag's error for ${argv.join(' ')}`, () => assert.throws(() => parseArgs(argv, specs), { message }));

test('the subcommand is the first word that is not a flag value', () => {
  assert.deepEqual(firstPositional(['-n', 'x', '--kubeconfig', 'k', 'job', 'j'], specs), { word: 'job', at: 4 });
  assert.deepEqual(firstPositional(['--dry-run', 'job'], specs), { word: 'job', at: 1 });
});

test('cobra suggestions: within two edits, or a prefix', () => {
  assert.deepEqual(suggestionsFor('gett', ['get', 'set', 'delete', 'describe']), ['get', 'set']);
  assert.deepEqual(suggestionsFor('desc', ['get', 'delete', 'describe']), ['describe']);
});
