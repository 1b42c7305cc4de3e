// SPDY framing and header compression, and a session driven by a hand-written client.
import assert from 'node:assert/strict';
import { PassThrough, Duplex } from 'node:stream';
import { test } from 'node:test';
import { SPDY_DICTIONARY } from './dictionary.js';
import { CONTROL_SYN_REPLY, FrameReader, dataFrame, decodeHeaderBlock, encodeHeaderBlock, pingFrame, type Frame } from './frames.js';
import { HeaderCodec } from './header-block.js';
import { SpdySession, type SpdyStream } from './session.js';

test('the dictionary is spdystream\'s 1423 bytes', () => {
  assert.equal(SPDY_DICTIONARY.length, 1423);
  assert.deepEqual([...SPDY_DICTIONARY.subarray(0, 11)], [0, 0, 0, 7, ...Buffer.from('options')]);
  assert.equal(SPDY_DICTIONARY.subarray(-6).toString(), 'enq=0.');
});

const headerCases = [
  { name: 'empty', headers: new Map<string, string[]>() },
  { name: 'port-forward stream', headers: new Map([['streamtype', ['data']], ['port', ['8080']], ['requestid', ['0']]]) },
  { name: 'multi-valued', headers: new Map([['x', ['a', 'b']]]) },
];
for (const c of headerCases) {
  test(`header block round trip: ${c.name}`, () => assert.deepEqual(decodeHeaderBlock(encodeHeaderBlock(c.headers)), c.headers));
}

test('header compression keeps one zlib stream per direction across blocks', async () => {
  const a = new HeaderCodec();
  const b = new HeaderCodec();
  for (const c of [...headerCases, ...headerCases]) {
    const wire = await a.compress(encodeHeaderBlock(c.headers));
    assert.deepEqual(decodeHeaderBlock(await b.decompress(wire)), c.headers);
  }
  a.close(); b.close();
});

test('frames split across arbitrary chunks are reassembled', () => {
  const bytes = Buffer.concat([dataFrame(1, Buffer.from('hello'), false), pingFrame(7), dataFrame(3, Buffer.alloc(0), true)]);
  for (const size of [1, 3, 8, bytes.length]) {
    const r = new FrameReader();
    const frames: Frame[] = [];
    for (let i = 0; i < bytes.length; i += size) frames.push(...r.push(bytes.subarray(i, i + size)));
    assert.deepEqual(frames.map((f) => (f.type === 'data' ? `data ${f.streamId} ${f.data.toString()} ${f.flags}` : `control ${f.kind}`)), ['data 1 hello 0', 'control 6', 'data 3  1']);
  }
});

/** A client end: builds SYN_STREAMs with its own codec and reads the server's frames. */
async function synStream(codec: HeaderCodec, id: number, headers: Map<string, string[]>): Promise<Buffer> {
  const block = await codec.compress(encodeHeaderBlock(headers));
  const head = Buffer.alloc(18);
  head.writeUInt32BE(0x80030001, 0);
  head.writeUInt32BE(10 + block.length, 4);
  head.writeUInt32BE(id, 8);
  return Buffer.concat([head, block]);
}

test('session: SYN_STREAM is accepted with SYN_REPLY, data flows both ways, FIN half-closes, pings echo', async () => {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const transport = Duplex.from({ readable: toServer, writable: fromServer });
  const session = new SpdySession(transport);
  const got = new Promise<SpdyStream>((r) => session.on('stream', r));
  const client = new HeaderCodec();
  const reader = new FrameReader();
  const frames: Frame[] = [];
  fromServer.on('data', (d: Buffer) => frames.push(...reader.push(d)));

  toServer.write(await synStream(client, 1, new Map([['streamtype', ['data']], ['port', ['80']]])));
  const s = await got;
  assert.equal(s.header('port'), '80');
  await s.reply();
  toServer.write(dataFrame(1, Buffer.from('in'), true));
  toServer.write(pingFrame(5));
  // Not `for await`: it would destroy the stream at the remote FIN, and this side still writes.
  const received = await new Promise<string>((r) => { let t = ''; s.on('data', (c: Buffer) => { t += c; }); s.on('end', () => r(t)); });
  assert.equal(received, 'in');
  await new Promise<void>((r) => s.end('out', () => r()));
  await new Promise((r) => setImmediate(r));
  const reply = frames.find((f) => f.type === 'control' && f.kind === CONTROL_SYN_REPLY);
  assert.ok(reply && reply.type === 'control');
  assert.deepEqual(decodeHeaderBlock(await client.decompress(reply.payload.subarray(4))), new Map());
  const data = frames.filter((f) => f.type === 'data').map((f) => f.type === 'data' && `${f.data.toString()}:${f.flags}`);
  assert.deepEqual(data, ['out:0', ':1']);
  assert.ok(frames.some((f) => f.type === 'control' && f.kind === 6 && f.payload.readUInt32BE(0) === 5));
  session.close();
  client.close();
});
