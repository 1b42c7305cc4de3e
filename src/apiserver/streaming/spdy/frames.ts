// SPDY/3 framing (SPDY draft 3, section 2.2; moby/spdystream spdy/read.go and write.go): the frames a
// port-forward server receives and sends. Header blocks stay compressed here; header-block.ts
// (de)compresses them in connection order.

export const CONTROL_SYN_STREAM = 1;
export const CONTROL_SYN_REPLY = 2;
export const CONTROL_RST_STREAM = 3;
export const CONTROL_SETTINGS = 4;
export const CONTROL_PING = 6;
export const CONTROL_GOAWAY = 7;
export const CONTROL_HEADERS = 8;
export const CONTROL_WINDOW_UPDATE = 9;

export const FLAG_FIN = 0x01;
const SPDY_VERSION = 3;
/** Payload size per DATA frame we send: well under the 24-bit limit, small enough to interleave streams. */
export const MAX_DATA_CHUNK = 32 * 1024;

export type Frame =
  | { type: 'data'; streamId: number; flags: number; data: Buffer }
  | { type: 'control'; kind: number; flags: number; payload: Buffer };

/** Splits a byte stream into frames; bytes arrive in arbitrary pieces (TCP or WebSocket messages). */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.buf.length >= 8) {
      const length = this.buf.readUInt32BE(4) & 0xffffff;
      if (this.buf.length < 8 + length) break;
      const flags = this.buf[4]!;
      const first = this.buf.readUInt32BE(0);
      const payload = this.buf.subarray(8, 8 + length);
      if (first & 0x80000000) frames.push({ type: 'control', kind: first & 0xffff, flags, payload });
      else frames.push({ type: 'data', streamId: first & 0x7fffffff, flags, data: payload });
      this.buf = this.buf.subarray(8 + length);
    }
    return frames;
  }
}

function controlFrame(kind: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE((0x8000 | SPDY_VERSION) * 0x10000 + kind, 0);
  head.writeUInt32BE(flags * 0x1000000 + payload.length, 4);
  return Buffer.concat([head, payload]);
}

export function dataFrame(streamId: number, data: Buffer, fin: boolean): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt32BE((fin ? FLAG_FIN : 0) * 0x1000000 + data.length, 4);
  return Buffer.concat([head, data]);
}

export function synReplyFrame(streamId: number, compressedHeaders: Buffer, fin: boolean): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(streamId & 0x7fffffff);
  return controlFrame(CONTROL_SYN_REPLY, fin ? FLAG_FIN : 0, Buffer.concat([id, compressedHeaders]));
}

/** RST_STREAM status codes (SPDY draft 3, section 2.4.2). */
export const RST_PROTOCOL_ERROR = 1;
export const RST_REFUSED_STREAM = 3;
export const RST_CANCEL = 5;

export function rstStreamFrame(streamId: number, status: number): Buffer {
  const p = Buffer.alloc(8);
  p.writeUInt32BE(streamId & 0x7fffffff, 0);
  p.writeUInt32BE(status, 4);
  return controlFrame(CONTROL_RST_STREAM, 0, p);
}

export function pingFrame(id: number): Buffer {
  const p = Buffer.alloc(4);
  p.writeUInt32BE(id);
  return controlFrame(CONTROL_PING, 0, p);
}

export function goAwayFrame(lastGoodStreamId: number, status: number): Buffer {
  const p = Buffer.alloc(8);
  p.writeUInt32BE(lastGoodStreamId & 0x7fffffff, 0);
  p.writeUInt32BE(status, 4);
  return controlFrame(CONTROL_GOAWAY, 0, p);
}

/** SYN_STREAM payload: stream id, associated stream id, priority and slot, then the header block. */
export function parseSynStream(payload: Buffer): { streamId: number; headerBlock: Buffer } {
  return { streamId: payload.readUInt32BE(0) & 0x7fffffff, headerBlock: payload.subarray(10) };
}

/** A header block, uncompressed: a count, then length-prefixed names and NUL-separated values. */
export function decodeHeaderBlock(block: Buffer): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let off = 4;
  const count = block.readUInt32BE(0);
  for (let i = 0; i < count; i++) {
    const nameLen = block.readUInt32BE(off);
    const name = block.toString('utf8', off + 4, off + 4 + nameLen).toLowerCase();
    off += 4 + nameLen;
    const valueLen = block.readUInt32BE(off);
    const value = block.toString('utf8', off + 4, off + 4 + valueLen);
    off += 4 + valueLen;
    headers.set(name, [...(headers.get(name) ?? []), ...value.split('\0')]);
  }
  return headers;
}

export function encodeHeaderBlock(headers: Map<string, string[]>): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
  parts.push(u32(headers.size));
  for (const [name, values] of headers) {
    const n = Buffer.from(name.toLowerCase());
    const v = Buffer.from(values.join('\0'));
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}
