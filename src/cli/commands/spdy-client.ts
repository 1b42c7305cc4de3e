// The client side of a SPDY/3.1 session for port-forward (client-go tools/portforward over
// moby/spdystream): the client opens odd-numbered streams with SYN_STREAM, the server accepts with
// SYN_REPLY, DATA flows both ways and FIN half-closes. Framing and header compression are the
// server's (apiserver/streaming/spdy); this adds what a client sends.
import { Duplex } from 'node:stream';
import { SpdyConnection } from '../../apiserver/streaming/spdy/connection.js';
import {
  CONTROL_GOAWAY, CONTROL_HEADERS, CONTROL_PING, CONTROL_RST_STREAM, CONTROL_SYN_REPLY, CONTROL_SYN_STREAM,
  FLAG_FIN, RST_CANCEL, dataFrame, encodeHeaderBlock, pingFrame, rstStreamFrame, type Frame,
} from '../../apiserver/streaming/spdy/frames.js';

const SPDY_VERSION = 3;

function synStreamFrame(id: number, compressedHeaders: Buffer): Buffer {
  const head = Buffer.alloc(18);
  head.writeUInt32BE(((0x8000 | SPDY_VERSION) << 16 | CONTROL_SYN_STREAM) >>> 0, 0);
  head.writeUInt32BE(10 + compressedHeaders.length, 4); // flags 0: the stream stays open both ways
  head.writeUInt32BE(id & 0x7fffffff, 8);
  head.writeUInt32BE(0, 12); // no associated stream
  head.writeUInt16BE(0, 16); // priority 0, slot 0
  return Buffer.concat([head, compressedHeaders]);
}

/** One client stream: writes are DATA frames, end() sends FIN, the server's FIN ends reading. */
export class ClientStream extends Duplex {
  private remoteClosed = false;
  constructor(private readonly session: SpdyClient, readonly id: number) { super({ allowHalfOpen: true }); }

  override _read(): void { /* pushed as frames arrive */ }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.session.sendData(this.id, chunk, cb);
  }

  override _final(cb: (err?: Error | null) => void): void { this.session.send(dataFrame(this.id, Buffer.alloc(0), true), cb); }

  /** Reset: discard the stream (RST_STREAM CANCEL), as client-go does once a connection is done. */
  reset(): void { if (!this.remoteClosed || this.writable) this.session.send(rstStreamFrame(this.id, RST_CANCEL)); this.remoteClosed = true; this.destroy(); }

  /** @internal */ receive(data: Buffer, fin: boolean): void {
    if (this.remoteClosed) return;
    if (data.length) this.push(data);
    if (fin) { this.remoteClosed = true; this.push(null); }
  }

  /** @internal */ resetByPeer(): void { this.remoteClosed = true; this.destroy(); }
}

export interface SpdyClient { on(event: 'close', listener: () => void): this }

export class SpdyClient extends SpdyConnection {
  private readonly streams = new Map<number, ClientStream>();
  private readonly replies = new Map<number, () => void>();
  private nextId = 1;

  /** Opens a stream with these headers and resolves once the server has accepted it. */
  openStream(headers: Record<string, string>): Promise<ClientStream> {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    const id = this.nextId;
    this.nextId += 2;
    const s = new ClientStream(this, id);
    this.streams.set(id, s);
    const accepted = new Promise<ClientStream>((resolve, reject) => {
      this.replies.set(id, () => resolve(s));
      s.once('close', () => reject(new Error('stream reset')));
    });
    const block = this.codec.compress(encodeHeaderBlock(new Map(Object.entries(headers).map(([k, v]) => [k, [v]]))));
    this.send(block.then((b) => synStreamFrame(id, b)));
    return accepted;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.destroy();
    this.streams.clear();
    this.codec.close();
    this.transport.destroy();
    this.emit('close');
  }

  get isClosed(): boolean { return this.closed; }

  protected async handle(f: Frame): Promise<void> {
    if (f.type === 'data') { this.streams.get(f.streamId)?.receive(f.data, (f.flags & FLAG_FIN) !== 0); return; }
    switch (f.kind) {
      case CONTROL_SYN_REPLY: {
        await this.codec.decompress(f.payload.subarray(4)); // keeps the shared zlib state in step
        const id = f.payload.readUInt32BE(0) & 0x7fffffff;
        this.replies.get(id)?.();
        this.replies.delete(id);
        if (f.flags & FLAG_FIN) this.streams.get(id)?.receive(Buffer.alloc(0), true);
        return;
      }
      case CONTROL_HEADERS: await this.codec.decompress(f.payload.subarray(4)); return;
      case CONTROL_RST_STREAM: this.streams.get(f.payload.readUInt32BE(0) & 0x7fffffff)?.resetByPeer(); return;
      case CONTROL_PING: this.send(pingFrame(f.payload.readUInt32BE(0))); return;
      case CONTROL_GOAWAY: this.close(); return;
      default: return;
    }
  }
}
