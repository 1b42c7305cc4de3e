// SPDY header blocks are compressed with one zlib stream per direction for the whole connection,
// primed with the SPDY dictionary and sync-flushed after every block (SPDY draft 3, 2.6.10.1; Go:
// moby/spdystream spdy/write.go). Blocks must therefore pass through in connection order.
import zlib from 'node:zlib';
import { SPDY_DICTIONARY } from './dictionary.js';

type ZStream = zlib.Inflate | zlib.Deflate;

/** Feeds one block through a stateful zlib stream; output is read from the buffer once the write is processed. */
function run(z: ZStream, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    z.write(input, (err) => {
      if (err) return reject(err);
      const out: Buffer[] = [];
      for (let c: Buffer | null = z.read() as Buffer | null; c !== null; c = z.read() as Buffer | null) out.push(c);
      resolve(Buffer.concat(out));
    });
  });
}

export class HeaderCodec {
  private readonly inflate = zlib.createInflate({ dictionary: SPDY_DICTIONARY, flush: zlib.constants.Z_SYNC_FLUSH });
  private readonly deflate = zlib.createDeflate({ dictionary: SPDY_DICTIONARY, level: 9, flush: zlib.constants.Z_SYNC_FLUSH });
  private inChain: Promise<unknown> = Promise.resolve();
  private outChain: Promise<unknown> = Promise.resolve();

  constructor() {
    // Errors reach callers through run(); these keep a broken stream from crashing the process.
    this.inflate.on('error', () => {});
    this.deflate.on('error', () => {});
  }

  decompress(block: Buffer): Promise<Buffer> {
    const p = this.inChain.then(() => run(this.inflate, block));
    this.inChain = p.catch(() => {});
    return p;
  }

  compress(block: Buffer): Promise<Buffer> {
    const p = this.outChain.then(() => run(this.deflate, block));
    this.outChain = p.catch(() => {});
    return p;
  }

  close(): void {
    this.inflate.destroy();
    this.deflate.destroy();
  }
}
