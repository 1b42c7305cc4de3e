// Errors printed as kubectl prints them (k8s.io/kubectl/pkg/cmd/util/helpers.go: CheckErr,
// StandardErrorMessage): `Error from server (NotFound): pods "x" not found`, a refused connection
// with kubectl's sentence, and kubelite's hint that a server must be running.
import { StatusError } from '../../api/errors.js';

/** The line(s) kubectl writes to stderr for err (without the trailing newline). */
export function errorMessage(err: unknown, server?: string): string {
  if (err instanceof StatusError) {
    if (err.reason === 'Invalid' && err.details) return invalidMessage(err);
    if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${err.message})`;
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

/**
 * An Invalid error as kubectl's checkErr prints it: `The Kind "name" is invalid: ` and the causes
 * (`field: message`, duplicates dropped), inline when one, else one `* ` line each
 * (cmdutil.MultilineError; the prefix keeps its trailing space before the line break).
 */
function invalidMessage(err: StatusError): string {
  const d = err.details!;
  const prefix = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid: ` : 'The request is invalid: ';
  const causes = [...new Set((d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (!causes.length) return prefix.slice(0, -2);
  if (causes.length === 1) return prefix + causes[0];
  return `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** kubectl's cmdutil.AddSourceToErr: `error when creating "file.yaml": …` in a Status error's message. */
export function withSource(verb: string, source: string, err: unknown): unknown {
  if (err instanceof StatusError && source) {
    return new StatusError(err.code, err.reason, `error when ${verb} "${source}": ${err.message}`, err.details);
  }
  return err;
}
