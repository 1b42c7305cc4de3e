import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probe } from 'kubernetes-types/core/v1.js';
import { describeProbe } from './describe.js';

const t = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
const cases: Array<[string, Probe, string]> = [
  ['kubia liveness (book)', { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 0, ...t }, 'http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ['with options', { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 2, ...t, periodSeconds: 2 }, 'http-get http://:8080/ delay=2s timeout=1s period=2s #success=1 #failure=3'],
  ['named port, host, https, path', { httpGet: { path: '/healthz', port: 'http', host: '10.0.0.1', scheme: 'HTTPS' }, ...t }, 'http-get https://10.0.0.1:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ['path escaping', { httpGet: { path: '/a b', port: 80, scheme: 'HTTP' }, ...t }, 'http-get http://:80/a%20b delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ['exec', { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, ...t }, 'exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3'],
  ['tcp', { tcpSocket: { port: 3306 }, ...t }, 'tcp-socket :3306 delay=0s timeout=1s period=10s #success=1 #failure=3'],
];
for (const [name, p, want] of cases) test(`describeProbe: ${name}`, () => assert.equal(describeProbe(p), want));
