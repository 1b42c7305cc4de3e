// One port-forward connection between the API server and a kubelet server as a WebSocket: binary
// messages carry bytes, the text message `eof` half-closes one direction (TCP's FIN), and the
// socket closes once both directions are done.
import { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

export class WebSocketDuplex extends Duplex {
  private sentEof = false;
  private gotEof = false;

  constructor(private readonly ws: WebSocket) {
    super({ allowHalfOpen: true });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) { if (!this.gotEof) this.push(data); return; }
      if (data.toString() === 'eof' && !this.gotEof) { this.gotEof = true; this.push(null); this.closeIfDone(); }
    });
    ws.on('close', () => {
      if (!this.gotEof) { this.gotEof = true; this.push(null); }
      this.destroy();
    });
    ws.on('error', (err) => this.destroy(err));
  }

  override _read(): void { /* messages are pushed as they arrive */ }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== this.ws.OPEN) { cb(new Error('connection closed')); return; }
    this.ws.send(chunk, { binary: true }, (err) => cb(err ?? null));
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.sentEof = true;
    if (this.ws.readyState !== this.ws.OPEN) { cb(); return; }
    this.ws.send('eof', () => { cb(); this.closeIfDone(); });
  }

  override _destroy(err: Error | null, cb: (err: Error | null) => void): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(err ? 1011 : 1000);
    cb(err);
  }

  private closeIfDone(): void {
    if (this.sentEof && this.gotEof && this.ws.readyState === this.ws.OPEN) this.ws.close(1000);
  }
}
