// Errors printed as kubectl prints them (k8s.io/kubectl/pkg/cmd/util/helpers.go: CheckErr,
// StandardErrorMessage): `Error from server (NotFound): pods "x" not found`, a refused connection
// with kubectl's sentence, and kubelite's hint that a server must be running.
import { StatusError } from '../../api/errors.js';

/** The line(s) kubectl writes to stderr for err (without the trailing newline). */
export function errorMessage(err: unknown, server?: string): string {
  if (err instanceof StatusError) {
    // kubectl prints the reason only for reasons it knows; an empty reason reads "Error from server:".
    return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`;
  }
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e?.code ?? e?.cause?.code;
  if (code === 'ECONNREFUSED' && server) {
    const host = new URL(server).host;
    return `The connection to the server ${host} was refused - did you specify the right host or port?\n` +
      'Hint: is a kubelite server running? Start one with `kubelite server` (or `npm start`).';
  }
  return `error: ${e instanceof Error ? e.message : String(err)}`;
}
