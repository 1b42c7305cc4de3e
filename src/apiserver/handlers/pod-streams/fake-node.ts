// Test support: a NodeConnection that answers like a kubelet for one pod with containers `main`
// (running) and `sidecar`, without running anything.
import { connect } from 'node:net';
import { PassThrough, Readable, type Duplex } from 'node:stream';
import { badRequest } from '../../../api/errors.js';
import type { LogOptions, NodeConnection, NodeConnections, StreamIO } from '../../../node/connection.js';

const LINES = ['line 1', 'line 2', 'line 3'];
const STAMP = '2025-01-02T03:04:05.000000006Z';

export class FakeNode implements NodeConnection, NodeConnections {
  readonly calls: string[] = [];

  async forNode(name: string): Promise<NodeConnection> {
    if (name !== 'node-1') throw badRequest(`unknown node ${name}`);
    return this;
  }

  async logs(namespace: string, pod: string, opts: LogOptions): Promise<Readable> {
    this.calls.push(`logs ${namespace}/${pod} ${JSON.stringify(opts)}`);
    if (opts.previous) throw badRequest(`previous terminated container "${opts.container}" in pod "${pod}" not found`);
    if (opts.container === 'sidecar') throw badRequest(`container "sidecar" in pod "${pod}" is waiting to start: ContainerCreating`);
    const lines = opts.tailLines === undefined ? LINES : LINES.slice(Math.max(0, LINES.length - opts.tailLines));
    const fmt = (l: string) => `${opts.timestamps ? `${STAMP} ` : ''}${l}\n`;
    const out = new PassThrough();
    for (const l of lines) out.write(fmt(l));
    if (!opts.follow) out.end();
    else setTimeout(() => out.end(fmt('line 4 (followed)')), 200);
    return out;
  }

  async exec(_ns: string, _pod: string, container: string, command: string[], io: StreamIO): Promise<{ exitCode: number }> {
    this.calls.push(`exec ${container} ${JSON.stringify(command)} tty=${io.tty}`);
    // A runtime answers only once the process has started (milliseconds): kubectl 1.30's WebSocket
    // client creates its streams just after the upgrade and drops output that arrives before them
    // ("Unknown stream id 1, discarding message"), which an instant answer here could hit.
    await new Promise((r) => setTimeout(r, 20));
    const [cmd, ...args] = command;
    const write = (w: NodeJS.WritableStream | undefined, s: string) => new Promise<void>((r) => (w ? w.write(s, () => r()) : r()));
    if (cmd === 'echo') { await write(io.stdout, `${args.join(' ')}\n`); return { exitCode: 0 }; }
    if (cmd === 'warn') { await write(io.stderr, `${args.join(' ')}\n`); return { exitCode: 0 }; }
    if (cmd === 'sh' && args[0] === '-c') { const m = /exit (\d+)/.exec(args[1] ?? ''); return { exitCode: m ? Number(m[1]) : 0 }; }
    if (cmd === 'cat') {
      for await (const chunk of io.stdin ?? Readable.from([])) await write(io.stdout, (chunk as Buffer).toString().toUpperCase());
      return { exitCode: 0 };
    }
    throw new Error(`executable file not found in $PATH: ${cmd}`);
  }

  async attach(_ns: string, _pod: string, container: string, io: StreamIO): Promise<void> {
    this.calls.push(`attach ${container}`);
    await new Promise((r) => setTimeout(r, 20)); // as exec: no output before the client's streams exist
    await new Promise<void>((r) => (io.stdout ? io.stdout.write('attached output\n', () => r()) : r()));
    if (io.stdin) for await (const chunk of io.stdin) io.stdout?.write(`echo: ${(chunk as Buffer).toString()}`);
  }

  /** Forwards to 127.0.0.1:port: the tests run a TCP echo server there. */
  async portForward(_ns: string, _pod: string, port: number): Promise<Duplex> {
    this.calls.push(`portForward ${port}`);
    return await new Promise<Duplex>((resolve, reject) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', (e) => reject(new Error(`dial tcp4 127.0.0.1:${port}: connect: connection refused (${e.message})`)));
    });
  }
}
