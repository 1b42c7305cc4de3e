// Flags parsed as kubectl's (spf13/pflag) parses them: `--f=v`, `--f v`, `-n v`, `-nv`, `-n=v`,
// clusters of boolean shorthands (`-Aw`), repeatable string arrays, flags anywhere among the
// arguments, `--` ending the flags, and pflag's exact error texts.
import { FlagError } from '../flags.js';

export { FlagError };

export type FlagType = 'bool' | 'string' | 'int' | 'strings' | 'array' | 'duration';

export interface Flag {
  name: string;
  short?: string;
  type: FlagType;
  /** What help prints after `=` (kubectl shows each flag's default). */
  default?: string | number | boolean | string[];
  help: string;
  /** Not listed in help (kubectl's deprecated or hidden flags). */
  hidden?: boolean;
  /** pflag's NoOptDefVal: the value when the flag is given without `=value` (--dry-run means client). */
  noValue?: string;
}

export type FlagValue = string | number | boolean | string[] | undefined;
export interface ParsedArgs {
  flags: Record<string, FlagValue>;
  /** Flags the user typed (pflag's Changed). */
  changed: Set<string>;
  args: string[];
  /** Arguments after `--`. */
  rest: string[];
  /** Position in args where `--` was (cobra's ArgsLenAtDash), or -1. */
  dashAt: number;
}

/** Flags every verb takes (kubectl's global options that matter here). */
export const GLOBAL_FLAGS: Flag[] = [
  { name: 'kubeconfig', type: 'string', default: '', help: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: 'string', default: '', help: 'The name of the kubeconfig context to use' },
  { name: 'cache-dir', type: 'string', default: '', help: 'Default cache directory' },
  { name: 'namespace', short: 'n', type: 'string', default: '', help: 'If present, the namespace scope for this CLI request' },
  { name: 'request-timeout', type: 'string', default: '0', help: 'The length of time to wait before giving up on a single server request.', hidden: true },
  { name: 'v', short: 'v', type: 'int', default: 0, help: 'number for the log level verbosity', hidden: true },
  { name: 'help', short: 'h', type: 'bool', default: false, help: 'help for this command', hidden: true },
];

function parseBool(text: string, flag: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false;
  throw new FlagError(`invalid argument "${text}" for "${flag}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`);
}

function assign(out: ParsedArgs, f: Flag, value: string, shown: string): void {
  const again = out.changed.has(f.name);
  out.changed.add(f.name);
  const prev = again && Array.isArray(out.flags[f.name]) ? (out.flags[f.name] as string[]) : [];
  switch (f.type) {
    case 'bool': out.flags[f.name] = parseBool(value, shown); break;
    case 'int': {
      if (!/^[+-]?\d+$/.test(value)) throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
      out.flags[f.name] = Number(value);
      break;
    }
    // pflag's StringSlice splits on commas; StringArray keeps each value whole.
    case 'strings': out.flags[f.name] = [...prev, ...(value === '' ? [] : value.split(','))]; break;
    case 'array': out.flags[f.name] = [...prev, value]; break;
    default: out.flags[f.name] = value;
  }
}

/** Parses argv against the verb's flags plus the global ones. */
export function parseArgs(argv: string[], specs: Flag[]): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS];
  const out: ParsedArgs = { flags: {}, changed: new Set(), args: [], rest: [], dashAt: -1 };
  for (const f of all) out.flags[f.name] = Array.isArray(f.default) ? [...f.default] : f.default;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { out.dashAt = out.args.length; out.rest = argv.slice(i + 1); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const f = all.find((s) => s.name === name);
      if (!f) throw new FlagError(`unknown flag: --${name}`);
      if (eq > 0) assign(out, f, a.slice(eq + 1), `--${name}`);
      else if (f.type === 'bool') assign(out, f, 'true', `--${name}`);
      else if (f.noValue !== undefined) assign(out, f, f.noValue, `--${name}`);
      else if (i + 1 < argv.length) assign(out, f, argv[++i]!, `--${name}`);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A cluster of shorthands: booleans take no value; the first non-boolean takes the rest.
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        const f = all.find((s) => s.short === c);
        if (!f) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const restText = a.slice(j + 1);
        if (f.type === 'bool') {
          if (restText.startsWith('=')) { assign(out, f, restText.slice(1), `-${c}, --${f.name}`); break; }
          assign(out, f, 'true', `-${c}, --${f.name}`);
          j++;
          continue;
        }
        if (restText) assign(out, f, restText.startsWith('=') ? restText.slice(1) : restText, `-${c}, --${f.name}`);
        else if (i + 1 < argv.length) assign(out, f, argv[++i]!, `-${c}, --${f.name}`);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

export const str = (p: ParsedArgs, name: string): string => String(p.flags[name] ?? '');
export const bool = (p: ParsedArgs, name: string): boolean => p.flags[name] === true;
export const num = (p: ParsedArgs, name: string): number => Number(p.flags[name] ?? 0);
export const list = (p: ParsedArgs, name: string): string[] => (Array.isArray(p.flags[name]) ? (p.flags[name] as string[]) : []);

/** kubectl's option listing: `    -o, --output='':` then the wrapped help, one tab in. */
export function flagsHelp(specs: Flag[]): string {
  const show = (f: Flag) => {
    const d = f.default;
    const def = Array.isArray(d) ? `[${d.join(',')}]` : f.type === 'string' || f.type === 'duration' ? `'${d ?? ''}'` : String(d ?? (f.type === 'bool' ? false : f.type === 'int' ? 0 : ''));
    return `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${def}:\n\t${f.help}`;
  };
  return specs.filter((f) => !f.hidden).sort((a, b) => a.name.localeCompare(b.name)).map(show).join('\n\n');
}

/** The first argument that is not a flag or a flag's value (where a subcommand name sits). */
export function firstPositional(argv: string[], specs: Flag[]): { word: string; at: number } | undefined {
  const all = [...specs, ...GLOBAL_FLAGS];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (!a.startsWith('-') || a === '-') return { word: a, at: i };
    if (a.includes('=')) continue;
    const f = a.startsWith('--') ? all.find((x) => x.name === a.slice(2)) : a.length === 2 ? all.find((x) => x.short === a[1]) : undefined;
    if (f && f.type !== 'bool' && f.noValue === undefined) i++;
  }
  return undefined;
}
