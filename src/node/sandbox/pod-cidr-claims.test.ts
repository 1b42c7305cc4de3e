import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { claimPodCidr, routedNetworks } from './pod-cidr-claims.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-claims-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A pid that is surely dead: a child that has already exited.
const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;

const ROUTES = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0', // default: ignored
  'kubelite0\t0001F30A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0', // 10.243.1.0/24
  'br1\t0004F30A\t00000000\t0001\t0\t0\t0\t00FEFFFF\t0\t0\t0', // 10.243.4.0/23: blocks 4 and 5
].join('\n');

test('routedNetworks reads /proc/net/route and leaves default routes out', () => {
  const path = join(dir, 'route');
  writeFileSync(path, ROUTES);
  assert.deepEqual(routedNetworks(path), [{ dest: 0x0af30100, mask: 0xffffff00 }, { dest: 0x0af30400, mask: 0xfffffe00 }]);
  assert.deepEqual(routedNetworks(join(dir, 'missing')), []);
});

test('claims differ within a process, skip routed blocks when asked, and run out with a clear error', () => {
  const route = join(dir, 'route');
  writeFileSync(route, ROUTES);
  const claims = join(dir, 'a');
  const got = Array.from({ length: 3 }, () => claimPodCidr({ prefix: '10.243', first: 1, count: 6, avoidRoutedBlocks: true, routeTable: route, dir: claims }));
  assert.deepEqual([...got].sort(), ['10.243.2.0/24', '10.243.3.0/24', '10.243.6.0/24']);
  assert.throws(() => claimPodCidr({ prefix: '10.243', first: 1, count: 6, avoidRoutedBlocks: true, routeTable: route, dir: claims }),
    /every pod \/24 in 10\.243\.1-6\.0 is held by a live process or in use on this host/);
  assert.deepEqual(readdirSync(claims).sort(), [`10.243.2.${process.pid}`, `10.243.3.${process.pid}`, `10.243.6.${process.pid}`]);
});

test("another live process's claim is skipped; a dead one's is taken over", () => {
  const claims = join(dir, 'b');
  claimPodCidr({ prefix: '10.242', first: 0, count: 1, dir: claims }); // creates the dir
  rmSync(join(claims, `10.242.0.${process.pid}`));
  writeFileSync(join(claims, `10.242.7.${process.ppid}`), ''); // alive: our parent
  writeFileSync(join(claims, `10.242.8.${deadPid}`), '');
  assert.equal(claimPodCidr({ prefix: '10.242', first: 7, count: 2, dir: claims }), '10.242.8.0/24');
});
