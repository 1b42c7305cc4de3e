import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerCommandLine, execCommandLine, innerScript, quote } from './container-command.js';

const scripts = [
  { name: 'hostname, cgroup join, then exec', in: { hostname: 'web-0', cgroupProcs: ['/cg/memory/kubelite/c1/cgroup.procs'], mounts: [] },
    want: `mount -t proc proc /proc && echo 'web-0' > /proc/sys/kernel/hostname && echo $$ > '/cg/memory/kubelite/c1/cgroup.procs' && exec "$@"` },
  { name: 'read-only mounts are remounted', in: { cgroupProcs: [], mounts: [{ hostPath: '/h', containerPath: '/c', readOnly: true }] },
    want: `mount -t proc proc /proc && mount --bind '/h' '/c' && mount -o remount,bind,ro '/c' && exec "$@"` },
  { name: 'working directory after the mounts', in: { cgroupProcs: [], mounts: [{ hostPath: '/h', containerPath: '/c', readOnly: false }], workingDir: '/c/w' },
    want: `mount -t proc proc /proc && mount --bind '/h' '/c' && mkdir -p '/c/w' && cd '/c/w' && exec "$@"` },
];
for (const c of scripts) test(`innerScript: ${c.name}`, () => assert.equal(innerScript(c.in), c.want));

test('quote survives single quotes', () => assert.equal(quote(`it's`), `'it'\\''s'`));

test('pod network: nsenter into the netns, new UTS; the argv is passed through untouched', () => {
  const cl = containerCommandLine({ netnsPath: '/run/netns/kl-1', hostname: 'p', cgroupProcs: [], mounts: [], argv: ['node', '-e', 'x $(y)'] });
  assert.equal(cl.file, 'setpriv');
  assert.deepEqual(cl.args.slice(0, 11), ['--pdeathsig', 'KILL', '--', 'nsenter', '--net=/run/netns/kl-1', '--', 'unshare', '--pid', '--mount', '--propagation', 'private']);
  assert.equal(cl.args[11], '--uts');
  assert.deepEqual(cl.args.slice(-3), ['node', '-e', 'x $(y)']);
});

test('host network: no nsenter and no UTS namespace', () => {
  const cl = containerCommandLine({ cgroupProcs: [], mounts: [], argv: ['true'] });
  assert.ok(!cl.args.includes('nsenter'));
  assert.ok(!cl.args.includes('--uts'));
});

test('exec enters all namespaces and the working directory of the init pid', () => {
  const cl = execCommandLine(42, ['/cg/x/cgroup.procs'], ['ls', '-l']);
  assert.deepEqual(cl.args.slice(3, 7), ['nsenter', '--target=42', '--all', '--wd']);
  assert.deepEqual(cl.args.slice(-3), ['kubelite-exec', 'ls', '-l']);
  assert.match(cl.args[cl.args.length - 4], /^echo \$\$ > '\/cg\/x\/cgroup.procs' && exec "\$@"$/);
});
