// The channel protocol kubectl speaks over WebSocket for exec and attach (client-go
// tools/remotecommand/websocket.go; server: apiserver pkg/util/proxy/websocket.go and
// kubelet cri/streaming/remotecommand/websocket.go): every binary message starts with its channel —
// 0 stdin, 1 stdout, 2 stderr, 3 error (one Status JSON), 4 resize (`{"Width":w,"Height":h}`).
// v5.channel.k8s.io adds a close signal: `[255, channel]` half-closes that channel (the client's stdin).
import { PassThrough, Writable } from 'node:stream';
import type { WebSocket } from 'ws';

export const STREAM_PROTOCOL_V5 = 'v5.channel.k8s.io';
export const STREAM_PROTOCOL_V4 = 'v4.channel.k8s.io';
export const REMOTE_COMMAND_PROTOCOLS = [STREAM_PROTOCOL_V5, STREAM_PROTOCOL_V4];

export const CHANNEL_STDIN = 0;
export const CHANNEL_STDOUT = 1;
export const CHANNEL_STDERR = 2;
export const CHANNEL_ERROR = 3;
export const CHANNEL_RESIZE = 4;
export const CHANNEL_CLOSE = 255;

export interface WantedStreams { stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean }

export interface TerminalSize { Width: number; Height: number }

/** The server end of one channel-protocol WebSocket. */
export class ChannelServer {
  readonly stdin?: PassThrough;
  readonly stdout?: Writable;
  readonly stderr?: Writable;
  /** TerminalSize objects, when a TTY was asked for. */
  readonly resize?: PassThrough;
  private open = true;

  constructor(private readonly ws: WebSocket, want: WantedStreams) {
    if (want.stdin) this.stdin = new PassThrough();
    if (want.stdout) this.stdout = this.writer(CHANNEL_STDOUT);
    // With a TTY, stderr is merged into stdout by the terminal: the client opens no stderr stream.
    if (want.stderr && !want.tty) this.stderr = this.writer(CHANNEL_STDERR);
    if (want.tty) this.resize = new PassThrough({ objectMode: true });
    ws.on('message', (data: Buffer, isBinary: boolean) => { if (isBinary) this.receive(data); });
    ws.on('close', () => this.closed());
    ws.on('error', () => this.closed());
    // As upstream: an empty message on the lowest writable channel tells the client the streams are up.
    this.sendFrame(want.stdout ? CHANNEL_STDOUT : want.stderr && !want.tty ? CHANNEL_STDERR : CHANNEL_ERROR, Buffer.alloc(0));
  }

  /** Writes the final Status on the error channel, then closes the connection normally. */
  finish(status: object): Promise<void> {
    return new Promise((resolve) => {
      if (!this.open) return resolve();
      this.sendFrame(CHANNEL_ERROR, Buffer.from(JSON.stringify(status)), () => {
        this.ws.close(1000);
        resolve();
      });
    });
  }

  get isOpen(): boolean { return this.open; }

  private writer(channel: number): Writable {
    return new Writable({
      write: (chunk: Buffer, _enc, cb) => this.sendFrame(channel, chunk, () => cb()),
    });
  }

  private sendFrame(channel: number, data: Buffer, cb?: () => void): void {
    if (!this.open) { cb?.(); return; }
    this.ws.send(Buffer.concat([Buffer.from([channel]), data]), { binary: true }, () => cb?.());
  }

  private receive(data: Buffer): void {
    if (data.length === 0) return;
    const channel = data[0]!;
    const payload = data.subarray(1);
    if (channel === CHANNEL_CLOSE) {
      if (payload[0] === CHANNEL_STDIN) this.stdin?.end();
      return;
    }
    if (channel === CHANNEL_STDIN) { if (payload.length && this.stdin?.writable) this.stdin.write(payload); return; }
    if (channel === CHANNEL_RESIZE && this.resize) {
      try { this.resize.write(JSON.parse(payload.toString('utf8')) as TerminalSize); } catch { /* ignore a malformed size */ }
    }
  }

  private closed(): void {
    if (!this.open) return;
    this.open = false;
    this.stdin?.end();
    this.resize?.end();
  }
}

