import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const cases: Array<{ name: string; got: string[]; want: string[] }> = [
  { name: 'subdomain: valid dotted name', got: isDNS1123Subdomain('a.b-c.d'), want: [] },
  { name: 'subdomain: upper case and underscore (golden pod-bad-name)', got: isDNS1123Subdomain('Bad_Name'), want: [SUBDOMAIN_MSG] },
  { name: 'subdomain: too long and invalid', got: isDNS1123Subdomain(`${'a'.repeat(254)}-`), want: ['must be no more than 253 characters', SUBDOMAIN_MSG] },
  { name: 'label: valid', got: isDNS1123Label('my-name'), want: [] },
  { name: 'label: a dot is reported as such', got: isDNS1123Label('a.b'), want: ['must not contain dots'] },
  { name: 'label: leading hyphen', got: isDNS1123Label('-a'), want: [LABEL_MSG] },
  { name: 'label: 64 characters', got: isDNS1123Label('a'.repeat(64)), want: ['must be no more than 63 characters'] },
  { name: 'generateName prefix may end in a hyphen', got: nameIsDNSSubdomain('web-', true), want: [] },
  { name: 'a name may not end in a hyphen', got: nameIsDNSLabel('web-', false), want: [LABEL_MSG] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(c.got, c.want));
