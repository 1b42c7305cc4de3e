// The channel protocol against a real WebSocket pair on loopback.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { ChannelServer, CHANNEL_CLOSE, CHANNEL_ERROR, CHANNEL_STDIN, CHANNEL_STDOUT, STREAM_PROTOCOL_V5 } from './channel-protocol.js';
import { chooseProtocol } from './websocket.js';

const protocolCases = [
  { offered: ['v5.channel.k8s.io'], want: 'v5.channel.k8s.io' },
  { offered: ['v4.channel.k8s.io', 'v5.channel.k8s.io'], want: 'v4.channel.k8s.io' },
  { offered: ['channel.k8s.io'], want: undefined },
];
for (const c of protocolCases) {
  test(`chooseProtocol(${c.offered.join(',')})`, () => assert.equal(chooseProtocol(c.offered, ['v5.channel.k8s.io', 'v4.channel.k8s.io']), c.want));
}

test('stdin arrives until the v5 close signal; stdout and the final status go out by channel', async () => {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const serverDone = new Promise<string>((resolve) => wss.on('connection', (ws) => {
    const ch = new ChannelServer(ws, { stdin: true, stdout: true, stderr: false, tty: false });
    void (async () => {
      let input = '';
      for await (const c of ch.stdin!) input += c;
      ch.stdout!.write(input.toUpperCase(), () => void ch.finish({ metadata: {}, status: 'Success' }));
      resolve(input);
    })();
  }));
  const ws = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`, [STREAM_PROTOCOL_V5]);
  const messages: Array<[number, string]> = [];
  ws.on('message', (d: Buffer) => messages.push([d[0]!, d.subarray(1).toString()]));
  await new Promise((r) => ws.once('open', r));
  ws.send(Buffer.from([CHANNEL_STDIN, ...Buffer.from('ab')]));
  ws.send(Buffer.from([CHANNEL_STDIN, ...Buffer.from('c')]));
  ws.send(Buffer.from([CHANNEL_CLOSE, CHANNEL_STDIN]));
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  assert.equal(await serverDone, 'abc');
  assert.equal(await closed, 1000);
  assert.deepEqual(messages, [[CHANNEL_STDOUT, ''], [CHANNEL_STDOUT, 'ABC'], [CHANNEL_ERROR, '{"metadata":{},"status":"Success"}']]);
  wss.close();
  http.close();
});
