// A small flag parser with kubectl's conventions: --flag=value, --flag value, -f value, booleans,
// and `--` ending the flags.

export interface FlagSpec { name: string; short?: string; type: 'string' | 'boolean' | 'number'; default?: string | boolean | number; help: string }

export interface Parsed { flags: Record<string, string | boolean | number | undefined>; args: string[]; rest: string[] }

export class FlagError extends Error {}

export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed {
  const flags: Parsed['flags'] = {};
  for (const s of specs) flags[s.name] = s.default;
  const args: string[] = [];
  const find = (tok: string) => specs.find((s) => (tok.startsWith('--') ? s.name === tok.slice(2) : s.short === tok.slice(1)));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { flags, args, rest: argv.slice(i + 1) };
    if (!a.startsWith('-') || a === '-') { args.push(a); continue; }
    const eq = a.indexOf('=');
    const tok = eq > 0 ? a.slice(0, eq) : a;
    const spec = find(tok);
    if (!spec) throw new FlagError(`unknown flag: ${tok}`);
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    if (spec.type === 'boolean') {
      flags[spec.name] = value === undefined ? true : value === 'true';
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new FlagError(`flag needs an argument: ${tok}`);
    }
    if (spec.type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new FlagError(`invalid argument "${value}" for "${tok}" flag: parse error`);
      flags[spec.name] = n;
    } else flags[spec.name] = value;
  }
  return { flags, args, rest: [] };
}

export function flagHelp(specs: FlagSpec[]): string {
  return specs.map((s) => `    ${s.short ? `-${s.short}, ` : ''}--${s.name}${s.type === 'boolean' ? '' : `=${s.default ?? ''}`}:\n\t${s.help}`).join('\n\n');
}

/** `k=v,k2=v2` as kubectl's label flags take it. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FlagError(`invalid label "${part}": want key=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

const DURATION_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("10s", "1m30s", "500ms", "0") in milliseconds, as Kubernetes' duration flags take them. */
export function parseDuration(text: string, flag: string): number {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let ms = 0;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new FlagError(`invalid argument "${text}" for "--${flag}" flag: time: invalid duration "${text}"`);
    ms += Number(m[1]) * DURATION_UNITS_MS[m[2]!]!;
    at = re.lastIndex;
  }
  if (!text) throw new FlagError(`invalid argument "" for "--${flag}" flag: time: invalid duration ""`);
  return ms;
}
