// What both ends of a SPDY/3.1 connection share: frames read in order from the transport, each
// handled after the previous one (header blocks share one zlib state), and bytes sent in the order
// they were queued (a SYN frame waits for its compressed headers). session.ts is the server's end,
// cli/commands/spdy-client.ts the client's.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { FrameReader, MAX_DATA_CHUNK, dataFrame, type Frame } from './frames.js';
import { HeaderCodec } from './header-block.js';

export abstract class SpdyConnection extends EventEmitter {
  protected readonly codec = new HeaderCodec();
  protected closed = false;
  /** Everything queued to send so far (close() waits on it to flush a final frame). */
  protected outChain: Promise<void> = Promise.resolve();
  private readonly reader = new FrameReader();
  private inChain: Promise<void> = Promise.resolve();

  constructor(protected readonly transport: Duplex) {
    super();
    transport.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try { frames = this.reader.push(chunk); } catch { this.close(); return; }
      for (const f of frames) this.inChain = this.inChain.then(() => this.handle(f)).catch(() => this.close());
    });
    for (const ev of ['end', 'close', 'error']) transport.on(ev, () => this.close());
  }

  /** Queues bytes after everything queued before. */
  send(bytes: Buffer | Promise<Buffer>, cb?: (err?: Error | null) => void): void {
    this.outChain = this.outChain.then(async () => {
      const b = await bytes;
      if (this.closed || !this.transport.writable) { cb?.(); return; }
      this.transport.write(b, () => cb?.());
    }).catch(() => { cb?.(); this.close(); });
  }

  /** A stream's write as DATA frames of at most MAX_DATA_CHUNK bytes; cb once the last is written. */
  sendData(streamId: number, chunk: Buffer, cb: (err?: Error | null) => void): void {
    if (chunk.length === 0) { cb(); return; }
    for (let off = 0; off < chunk.length; off += MAX_DATA_CHUNK) {
      const last = off + MAX_DATA_CHUNK >= chunk.length;
      this.send(dataFrame(streamId, chunk.subarray(off, off + MAX_DATA_CHUNK), false), last ? cb : undefined);
    }
  }

  abstract close(): void;

  protected abstract handle(f: Frame): Promise<void>;
}
