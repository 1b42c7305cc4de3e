// kubelite completion bash|zsh: a script that asks `kubelite __complete` for candidates: verbs
// first, then resource types (from discovery), then object names of that type (listed from the
// server, `kubelite get TYPE -o name` style), and a verb's flags after `-`.
import type { Cli, Verb } from '../core/command.js';
import type { ParsedArgs } from '../core/kflags.js';
import { CliContext } from '../core/context.js';
import { resourcePath } from '../core/resources.js';

const BASH = `# bash completion for kubelite (source it: source <(kubelite completion bash))
_kubelite() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  COMPREPLY=( $(compgen -W "$(kubelite __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" -- "$cur" 2>/dev/null)" -- "$cur") )
}
complete -o default -F _kubelite kubelite
`;

const ZSH = `#compdef kubelite
# zsh completion for kubelite (source it: source <(kubelite completion zsh))
autoload -U +X bashcompinit && bashcompinit
${BASH}`;

export const verb: Verb = {
  name: 'completion',
  short: 'Output shell completion code for the specified shell (bash or zsh)',
  long: 'Output shell completion code for the specified shell (bash or zsh). The shell code must be evaluated to provide\ninteractive completion of kubelite commands: verbs, resource types and object names.',
  usage: 'completion SHELL [options]',
  example: '  # Load the kubelite completion code for bash into the current shell\n  source <(kubelite completion bash)\n\n  # Load it for zsh\n  source <(kubelite completion zsh)',
  flags: [],
  async run(p: ParsedArgs, cli: Cli) {
    const shell = p.args[0];
    if (!shell) throw new Error('Shell not specified.');
    if (shell === 'bash') cli.out(BASH);
    else if (shell === 'zsh') cli.out(ZSH);
    else throw new Error(`Unsupported shell type "${shell}".`);
    return 0;
  },
};

/** Verbs whose first argument is a resource type and second an object name. */
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'wait', 'explain']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);

/** The hidden `__complete` verb: prints one candidate per line for the word after `words`. */
export async function complete(argv: string[], verbs: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const words = (dash < 0 ? argv : argv.slice(0, dash)).filter((w) => w !== '');
  const cur = dash < 0 ? '' : argv[dash + 1] ?? '';
  const out = (xs: string[]) => { process.stdout.write(xs.filter((x) => x.startsWith(cur)).map((x) => x + '\n').join('')); return 0; };
  const positional = words.filter((w) => !w.startsWith('-'));
  if (!positional.length) return out(verbs.filter((v) => !v.startsWith('_')));
  const [verbName, ...args] = positional;
  if (cur.startsWith('-')) {
    try {
      const mod = (await import(`./${verbName}.js`)) as { verb?: Verb };
      return out((mod.verb?.flags ?? []).map((f) => `--${f.name}`));
    } catch { return 0; }
  }
  const ns = (() => { const i = words.findIndex((w) => w === '-n' || w === '--namespace'); return i >= 0 ? words[i + 1] : undefined; })();
  try {
    const ctx = CliContext.load({ namespace: ns });
    try {
      if (POD_VERBS.has(verbName!)) return out(await names(ctx, 'pods'));
      if (!TYPED_VERBS.has(verbName!)) return 0;
      if (!args.length) {
        const all = await ctx.allResources();
        return out([...new Set(all.filter((r) => !r.resource.includes('/')).flatMap((r) => [r.resource, ...r.shortNames]))].sort());
      }
      if (args.length >= 1 && verbName !== 'explain') return out(await names(ctx, args[0]!));
      return 0;
    } finally { ctx.close(); }
  } catch { return 0; }
}

async function names(ctx: CliContext, typed: string): Promise<string[]> {
  const [r] = await ctx.resolve(typed.split(',')[0]!);
  const list = await ctx.transport.json<{ items: Array<{ metadata: { name: string } }> }>({ method: 'GET', path: resourcePath(r!, ctx.namespace) });
  return list.items.map((i) => i.metadata.name);
}
