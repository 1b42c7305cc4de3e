// The server side of a SPDY/3.1 connection, as far as Kubernetes streaming needs it: the client opens
// streams (SYN_STREAM), the server accepts each with SYN_REPLY, both send DATA and half-close with FIN,
// pings are echoed. No flow control: like moby/spdystream (what kubectl uses), WINDOW_UPDATE is ignored.
import { Duplex } from 'node:stream';
import { SpdyConnection } from './connection.js';
import {
  CONTROL_GOAWAY, CONTROL_HEADERS, CONTROL_PING, CONTROL_RST_STREAM, CONTROL_SYN_REPLY, CONTROL_SYN_STREAM,
  FLAG_FIN, RST_CANCEL, dataFrame, decodeHeaderBlock, encodeHeaderBlock,
  goAwayFrame, parseSynStream, pingFrame, rstStreamFrame, synReplyFrame, type Frame,
} from './frames.js';

/** One SPDY stream as a Duplex: writes become DATA frames, end() sends FIN, remote FIN ends reading. */
export class SpdyStream extends Duplex {
  private remoteClosed = false;
  private localClosed = false;

  constructor(private readonly session: SpdySession, readonly id: number, readonly headers: Map<string, string[]>) {
    super({ allowHalfOpen: true });
  }

  header(name: string): string | undefined { return this.headers.get(name.toLowerCase())?.[0]; }

  /** Accepts the stream (SYN_REPLY with no headers, as apimachinery's spdy connection does). */
  reply(): Promise<void> { return this.session.sendReply(this.id); }

  override _read(): void { /* data is pushed as frames arrive */ }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.session.sendData(this.id, chunk, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.localClosed = true;
    this.session.send(dataFrame(this.id, Buffer.alloc(0), true), cb);
    this.session.forgetIfDone(this);
  }

  override _destroy(err: Error | null, cb: (err: Error | null) => void): void {
    if (!this.localClosed || !this.remoteClosed) this.session.send(rstStreamFrame(this.id, RST_CANCEL));
    this.localClosed = this.remoteClosed = true;
    this.session.forgetIfDone(this);
    cb(err);
  }

  /** @internal */ receive(data: Buffer, fin: boolean): void {
    if (this.remoteClosed) return;
    if (data.length) this.push(data);
    if (fin) { this.remoteClosed = true; this.push(null); this.session.forgetIfDone(this); }
  }

  /** @internal */ resetByPeer(): void {
    this.localClosed = this.remoteClosed = true;
    this.destroy();
  }

  /** @internal */ get done(): boolean { return this.localClosed && this.remoteClosed; }
}

export interface SpdySession {
  on(event: 'stream', listener: (stream: SpdyStream) => void): this;
  on(event: 'close', listener: () => void): this;
}

export class SpdySession extends SpdyConnection {
  private readonly streams = new Map<number, SpdyStream>();
  private lastStreamId = 0;

  sendReply(id: number): Promise<void> {
    const bytes = this.codec.compress(encodeHeaderBlock(new Map())).then((h) => synReplyFrame(id, h, false));
    return new Promise((resolve) => this.send(bytes, () => resolve()));
  }

  /** @internal */ forgetIfDone(s: SpdyStream): void { if (s.done) this.streams.delete(s.id); }

  close(): void {
    if (this.closed) return;
    // Flush what is queued (a final FIN or error message), then say goodbye and drop the transport.
    this.send(goAwayFrame(this.lastStreamId, 0));
    const finish = () => {
      this.closed = true;
      for (const s of this.streams.values()) s.destroy();
      this.streams.clear();
      this.codec.close();
      this.transport.end();
      this.emit('close');
    };
    void this.outChain.then(finish, finish);
  }

  protected async handle(f: Frame): Promise<void> {
    if (f.type === 'data') {
      this.streams.get(f.streamId)?.receive(f.data, (f.flags & FLAG_FIN) !== 0);
      return;
    }
    switch (f.kind) {
      case CONTROL_SYN_STREAM: {
        const { streamId, headerBlock } = parseSynStream(f.payload);
        const headers = decodeHeaderBlock(await this.codec.decompress(headerBlock));
        this.lastStreamId = Math.max(this.lastStreamId, streamId);
        const s = new SpdyStream(this, streamId, headers);
        this.streams.set(streamId, s);
        if (f.flags & FLAG_FIN) s.receive(Buffer.alloc(0), true);
        this.emit('stream', s);
        return;
      }
      case CONTROL_SYN_REPLY: case CONTROL_HEADERS:
        // Decompressed only to keep the shared zlib state in step with the peer.
        await this.codec.decompress(f.payload.subarray(4));
        return;
      case CONTROL_RST_STREAM: {
        const s = this.streams.get(f.payload.readUInt32BE(0) & 0x7fffffff);
        s?.resetByPeer();
        return;
      }
      case CONTROL_PING: this.send(pingFrame(f.payload.readUInt32BE(0))); return;
      case CONTROL_GOAWAY: this.close(); return;
      default: return; // SETTINGS, WINDOW_UPDATE: nothing to do without flow control
    }
  }
}
