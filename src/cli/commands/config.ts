// kubectl config view|get-contexts|current-context|use-context (k8s.io/kubectl/pkg/cmd/config):
// the kubeconfig files merged as clientcmd merges them (first definition of a name wins, the first
// current-context wins), secrets shown as DATA+OMITTED / REDACTED unless --raw, and use-context
// written back to the file that sets current-context, in kubectl's YAML.
import { readFileSync, writeFileSync } from 'node:fs';
import { ExitError, runVerb, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, firstPositional, str, type ParsedArgs } from '../core/kflags.js';
import { kubeconfigFiles } from '../../client/kubeconfig.js';
import { tabulate } from '../printers/tabwriter.js';
import { toGoJson } from '../printers/go-json.js';
import { toGoYaml } from '../printers/go-yaml.js';

interface Named { name: string; [k: string]: unknown }
interface Config { apiVersion?: string; kind?: string; clusters?: Named[]; contexts?: Named[]; users?: Named[]; 'current-context'?: string; preferences?: unknown; [k: string]: unknown }

async function readConfigs(p: ParsedArgs): Promise<Array<{ path: string; doc: Config }>> {
  const { parse } = await import('yaml');
  const paths = kubeconfigFiles({ path: str(p, 'kubeconfig') || undefined });
  return paths.map((path) => ({ path, doc: ((parse(readFileSync(path, 'utf8')) as Config | null) ?? {}) }));
}

function merged(files: Array<{ doc: Config }>): Config {
  const pick = (key: 'clusters' | 'contexts' | 'users') => {
    const out: Named[] = [];
    for (const f of files) for (const e of f.doc[key] ?? []) if (!out.some((o) => o.name === e.name)) out.push(e);
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return {
    apiVersion: 'v1', clusters: pick('clusters'), contexts: pick('contexts'),
    'current-context': files.find((f) => f.doc['current-context'])?.doc['current-context'] ?? '', kind: 'Config', preferences: {}, users: pick('users'),
  };
}

const redact = (v: unknown, replacement: string) => (typeof v === 'string' && v ? replacement : v);

const view: Verb = {
  name: 'config view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'config view [flags] [options]',
  example: '  # Show merged kubeconfig settings\n  kubectl config view\n\n  # Show only the current context\n  kubectl config view --minify',
  flags: [
    { name: 'raw', type: 'bool', default: false, help: 'Display raw byte data and sensitive data' },
    { name: 'minify', type: 'bool', default: false, help: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', help: 'Output format. One of: (json, yaml).' }],
  async run(p, cli) {
    const cfg = merged(await readConfigs(p));
    if (bool(p, 'minify')) {
      const ctxName = str(p, 'context') || cfg['current-context'];
      const ctx = cfg.contexts!.find((c) => c.name === ctxName);
      if (!ctx) throw new ExitError(`error: cannot locate context ${ctxName}`);
      const c = ctx.context as { cluster?: string; user?: string };
      cfg.contexts = [ctx];
      cfg.clusters = cfg.clusters!.filter((x) => x.name === c.cluster);
      cfg.users = cfg.users!.filter((x) => x.name === c.user);
      cfg['current-context'] = ctxName;
    }
    if (!bool(p, 'raw')) {
      for (const c of cfg.clusters ?? []) {
        const cl = { ...(c.cluster as Record<string, unknown>) };
        cl['certificate-authority-data'] = redact(cl['certificate-authority-data'], 'DATA+OMITTED');
        c.cluster = cl;
      }
      for (const u of cfg.users ?? []) {
        const us = { ...(u.user as Record<string, unknown>) };
        for (const k of ['client-certificate-data', 'client-key-data']) us[k] = redact(us[k], 'DATA+OMITTED');
        for (const k of ['token', 'password']) us[k] = redact(us[k], 'REDACTED');
        for (const k of Object.keys(us)) if (us[k] === undefined) delete us[k];
        u.user = us;
      }
      for (const c of cfg.clusters ?? []) {
        const cl = c.cluster as Record<string, unknown>;
        for (const k of Object.keys(cl)) if (cl[k] === undefined) delete cl[k];
      }
    }
    const o = str(p, 'output');
    cli.out(o === 'json' ? toGoJson(cfg, '    ') : toGoYaml(cfg));
    return 0;
  },
};

const getContexts: Verb = {
  name: 'config get-contexts',
  short: 'Describe one or many contexts',
  usage: 'config get-contexts [(-o|--output=)name)] [options]',
  example: '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts',
  flags: [{ name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (name).' },
    { name: 'no-headers', type: 'bool', default: false, help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' }],
  async run(p, cli) {
    const cfg = merged(await readConfigs(p));
    let contexts = cfg.contexts ?? [];
    if (p.args.length) {
      const missing = p.args.filter((a) => !contexts.some((c) => c.name === a));
      contexts = contexts.filter((c) => p.args.includes(c.name));
      if (missing.length) throw new ExitError(`error: context ${missing[0]} not found`);
    }
    if (str(p, 'output') === 'name') { cli.out(contexts.map((c) => c.name + '\n').join('')); return 0; }
    const rows = contexts.map((c) => {
      const x = (c.context ?? {}) as Record<string, string>;
      return [c.name === cfg['current-context'] ? '*' : '', c.name, x.cluster ?? '', x.user ?? '', x.namespace ?? ''];
    });
    cli.out(tabulate(bool(p, 'no-headers') ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
    return 0;
  },
};

const currentContext: Verb = {
  name: 'config current-context',
  short: 'Display the current-context',
  usage: 'config current-context [options]',
  example: '  # Display the current-context\n  kubectl config current-context',
  flags: [],
  async run(p, cli) {
    const cur = merged(await readConfigs(p))['current-context'];
    if (!cur) throw new ExitError('error: current-context is not set');
    cli.out(cur + '\n');
    return 0;
  },
};

const useContext: Verb = {
  name: 'config use-context',
  short: 'Set the current-context in a kubeconfig file',
  usage: 'config use-context CONTEXT_NAME [options]',
  example: '  # Use the context for the minikube cluster\n  kubectl config use-context minikube',
  flags: [],
  async run(p, cli) {
    if (p.args.length !== 1) throw new UsageError('Unexpected args: ' + JSON.stringify(p.args));
    const name = p.args[0]!;
    const files = await readConfigs(p);
    if (!merged(files).contexts!.some((c) => c.name === name)) throw new ExitError(`error: no context exists with the name: "${name}"`);
    // kubectl writes it where current-context is set, else to the first file.
    const target = files.find((f) => f.doc['current-context'] !== undefined) ?? files[0];
    if (!target) throw new ExitError('error: no kubeconfig file to write');
    if (target.doc['current-context'] !== name) writeFileSync(target.path, toGoYaml({ ...target.doc, 'current-context': name }), { mode: 0o600 });
    cli.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

const subVerbs: Record<string, Verb> = { view, 'get-contexts': getContexts, 'current-context': currentContext, 'use-context': useContext };

export const verb: Verb = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: 'Modify kubeconfig files using subcommands like "kubectl config use-context my-context".\n\nAvailable Commands:\n' +
    Object.entries(subVerbs).map(([n, v]) => `  ${n.padEnd(18)}${v.short}`).join('\n'),
  usage: 'config SUBCOMMAND [options]',
  example: '  # Show the merged kubeconfig\n  kubectl config view',
  flags: [],
  async run(_p: ParsedArgs, cli: Cli) {
    cli.out(`${verb.long!.replace(/kubectl/g, 'kubelite')}\n\nUsage:\n  kubelite config SUBCOMMAND [options]\n`);
    return 1;
  },
};

export async function configCommand(argv: string[]): Promise<number> {
  const first = firstPositional(argv, Object.values(subVerbs).flatMap((v) => v.flags));
  const sub = first ? subVerbs[first.word] : undefined;
  if (sub) return runVerb(sub, [...argv.slice(0, first!.at), ...argv.slice(first!.at + 1)]);
  return runVerb(verb, argv);
}
