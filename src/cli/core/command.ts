// One kubectl-style verb: its help (kubectl's layout: description, Examples, Options, Usage), its
// flags, and a run that gets parsed arguments. runVerb prints flag errors and API errors exactly
// as kubectl does (cmdutil.CheckErr) and returns the exit code. The error printers and the
// did-you-mean suggester load only when there is something to report (each module is ~0.5 ms of
// a command's start-up).
import type { CliContext } from './context.js';
import { flagsHelp, FlagError, GLOBAL_FLAGS, parseArgs, str, type Flag, type ParsedArgs } from './kflags.js';

export interface Verb {
  name: string;
  short: string;
  long?: string;
  usage: string;
  example: string;
  flags: Flag[];
  /** False when this invocation never talks to a server (`version --client`): the kubeconfig and
   *  HTTPS modules are then not loaded, which is most of a short command's start-up. */
  needsServer?(p: ParsedArgs): boolean;
  run(p: ParsedArgs, cli: Cli): Promise<number>;
}

/** Thrown by a verb for a usage mistake kubectl reports with "See '… -h' for help and examples". */
export class UsageError extends Error {}

/** Thrown to print text to stderr verbatim and exit 1 (kubectl's own multi-line messages). */
export class ExitError extends Error {
  constructor(message: string, readonly code = 1) { super(message); }
}

type ContextModule = typeof import('./context.js');

export class Cli {
  private ctx?: CliContext;
  constructor(readonly verb: string, readonly p: ParsedArgs, private readonly contextModule?: ContextModule) {}

  context(): CliContext {
    if (!this.contextModule) throw new Error(`kubelite ${this.verb}: this invocation was started without server access`);
    this.ctx ??= this.contextModule.CliContext.load({
      kubeconfig: str(this.p, 'kubeconfig') || undefined,
      context: str(this.p, 'context') || undefined,
      namespace: str(this.p, 'namespace') || undefined,
      cacheDir: str(this.p, 'cache-dir') || undefined,
    });
    return this.ctx;
  }

  out(text: string): void { process.stdout.write(text); }
  err(text: string): void { process.stderr.write(text); }
  close(): void { this.ctx?.close(); }
  server(): string | undefined { return this.ctx?.access.server; }
}

export function verbHelp(v: Verb, bin = 'kubelite'): string {
  const long = v.long ?? v.short;
  return `${long}\n\nExamples:\n${v.example.replace(/\bkubectl\b/g, bin)}\n\nOptions:\n${flagsHelp(v.flags)}\n\nUsage:\n  ${bin} ${v.usage}\n\n` +
    `Global options: --kubeconfig, --context, -n/--namespace.\n`;
}

export async function runVerb(v: Verb, argv: string[]): Promise<number> {
  let p: ParsedArgs;
  try {
    p = parseArgs(argv, v.flags);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    let text = `error: ${e.message}\nSee 'kubelite ${v.name} --help' for usage.\n`;
    const typed = /^unknown flag: --(.+)$/.exec(e.message)?.[1];
    if (typed) {
      const { suggestionsFor } = await import('./suggest.js');
      const near = suggestionsFor(typed, [...v.flags, ...GLOBAL_FLAGS].filter((f) => !f.hidden).map((f) => f.name));
      if (near.length) text += `Did you mean this?\n${near.map((n) => `\t--${n}`).join('\n')}\n`;
    }
    process.stderr.write(text);
    return 1;
  }
  if (p.flags.help === true) { process.stdout.write(verbHelp(v)); return 0; }
  const cli = new Cli(v.name, p, v.needsServer?.(p) === false ? undefined : await import('./context.js'));
  try {
    return await v.run(p, cli);
  } catch (e) {
    if (e instanceof ExitError) { if (e.message) process.stderr.write(e.message.endsWith('\n') ? e.message : e.message + '\n'); return e.code; }
    if (e instanceof UsageError) { process.stderr.write(`error: ${e.message}\nSee 'kubelite ${v.name} -h' for help and examples\n`); return 1; }
    if (e instanceof FlagError) { process.stderr.write(`error: ${e.message}\nSee 'kubelite ${v.name} --help' for usage.\n`); return 1; }
    const { errorMessage } = await import('./errors.js');
    process.stderr.write(errorMessage(e, cli.server()) + '\n');
    return 1;
  } finally {
    cli.close();
  }
}
