import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container } from 'kubernetes-types/core/v1.js';
import { containerArgv } from './command.js';

const image = { entrypoint: ['/bin/entry'], cmd: ['default', 'cmd'] };
const env: Array<[string, string]> = [['GREETING', 'hello'], ['NAME', 'kubia']];
const c = (x: Partial<Container>): Container => ({ name: 'main', ...x });

const cases: Array<{ name: string; container: Container; img?: typeof image; want: string[] }> = [
  { name: 'image defaults when neither is set', container: c({}), want: ['/bin/entry', 'default', 'cmd'] },
  { name: 'command replaces entrypoint and drops cmd', container: c({ command: ['sleep'] }), want: ['sleep'] },
  { name: 'args replace cmd only', container: c({ args: ['x'] }), want: ['/bin/entry', 'x'] },
  { name: 'command and args', container: c({ command: ['sh', '-c'], args: ['echo hi'] }), want: ['sh', '-c', 'echo hi'] },
  { name: 'expands $(VAR) in command and args', container: c({ command: ['echo', '$(GREETING)'], args: ['$(NAME)', '$$(NAME)', '$(MISSING)'] }),
    want: ['echo', 'hello', 'kubia', '$(NAME)', '$(MISSING)'] },
  { name: 'image defaults are not expanded', container: c({}), img: { entrypoint: ['echo'], cmd: ['$(NAME)'] }, want: ['echo', '$(NAME)'] },
  { name: 'no entrypoint: args alone', container: c({ args: ['/app', '$(NAME)'] }), img: { entrypoint: [], cmd: ['node'] }, want: ['/app', 'kubia'] },
];
for (const t of cases) test(`containerArgv: ${t.name}`, () => assert.deepEqual(containerArgv(t.img ?? image, t.container, env), t.want));
