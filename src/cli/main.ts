// The `kubelite` command: kubectl's verbs (same arguments, same output) plus `server` and `agent`.
// Each verb's module loads only when that verb runs, so `kubelite get pods` imports nothing else.
import { restoreExtraCaCertsEnv } from '../client/extra-ca.js';
import { FlagError } from './flags.js';

type Run = (argv: string[]) => Promise<number>;
interface Entry { group: string; short: string; run: Run; hidden?: boolean }

const BEGINNER = 'Basic Commands (Beginner)';
const INTERMEDIATE = 'Basic Commands (Intermediate)';
const DEPLOY = 'Deploy Commands';
const CLUSTER = 'Cluster Management Commands';
const TROUBLESHOOTING = 'Troubleshooting and Debugging Commands';
const ADVANCED = 'Advanced Commands';
const SETTINGS = 'Settings Commands';
const OTHER = 'Other Commands';
const KUBELITE = 'kubelite Commands';

type LoadVerb = () => Promise<{ verb: import('./core/command.js').Verb }>;

/** A verb defined with core/command.ts, loaded on use. */
const verb = (load: LoadVerb): Run => async (argv) => {
  const [{ runVerb }, mod] = await Promise.all([import('./core/command.js'), load()]);
  return runVerb(mod.verb, argv);
};

/** A verb that always talks to the server: its server context's modules (kubeconfig, HTTPS,
 *  discovery) load together with the verb's, in one round of the ESM loader instead of two (each
 *  round of dynamic imports costs a command several ms). */
const serverVerb = (load: LoadVerb): Run => async (argv) => {
  const [{ runVerb }, mod] = await Promise.all([import('./core/command.js'), load(), import('./core/context.js')]);
  return runVerb(mod.verb, argv);
};

// The dispatch table: one line per verb, in kubectl's help order within each group.
const commands: Record<string, Entry> = {
  create: { group: BEGINNER, short: 'Create a resource from a file or from stdin', run: async (argv) => (await import('./commands/create.js')).createCommand(argv) },
  run: { group: BEGINNER, short: 'Run a particular image on the cluster', run: serverVerb(() => import('./commands/run.js')) },
  explain: { group: INTERMEDIATE, short: 'Get documentation for a resource', run: serverVerb(() => import('./commands/explain.js')) },
  get: { group: INTERMEDIATE, short: 'Display one or many resources', run: serverVerb(() => import('./commands/get.js')) },
  edit: { group: INTERMEDIATE, short: 'Edit a resource on the server', run: serverVerb(() => import('./commands/edit.js')) },
  delete: { group: INTERMEDIATE, short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', run: serverVerb(() => import('./commands/delete.js')) },
  scale: { group: DEPLOY, short: 'Set a new size for a deployment, replica set, or replication controller', run: serverVerb(() => import('./commands/scale.js')) },
  'cluster-info': { group: CLUSTER, short: 'Display cluster information', run: serverVerb(() => import('./commands/cluster-info.js')) },
  describe: { group: TROUBLESHOOTING, short: 'Show details of a specific resource or group of resources', run: serverVerb(() => import('./commands/describe.js')) },
  logs: { group: TROUBLESHOOTING, short: 'Print the logs for a container in a pod', run: serverVerb(() => import('./commands/logs.js')) },
  attach: { group: TROUBLESHOOTING, short: 'Attach to a running container', run: serverVerb(() => import('./commands/attach.js')) },
  exec: { group: TROUBLESHOOTING, short: 'Execute a command in a container', run: serverVerb(() => import('./commands/exec.js')) },
  'port-forward': { group: TROUBLESHOOTING, short: 'Forward one or more local ports to a pod', run: serverVerb(() => import('./commands/port-forward.js')) },
  apply: { group: ADVANCED, short: 'Apply a configuration to a resource by file name or stdin', run: serverVerb(() => import('./commands/apply.js')) },
  wait: { group: ADVANCED, short: 'Experimental: Wait for a specific condition on one or many resources', run: serverVerb(() => import('./commands/wait.js')) },
  label: { group: SETTINGS, short: 'Update the labels on a resource', run: serverVerb(async () => ({ verb: (await import('./commands/label.js')).labelVerb })) },
  annotate: { group: SETTINGS, short: 'Update the annotations on a resource', run: serverVerb(async () => ({ verb: (await import('./commands/label.js')).annotateVerb })) },
  completion: { group: SETTINGS, short: 'Output shell completion code for the specified shell (bash or zsh)', run: verb(() => import('./commands/completion.js')) },
  'api-resources': { group: OTHER, short: 'Print the supported API resources on the server', run: serverVerb(() => import('./commands/api-resources.js')) },
  'api-versions': { group: OTHER, short: 'Print the supported API versions on the server, in the form of "group/version"', run: serverVerb(() => import('./commands/api-versions.js')) },
  config: { group: OTHER, short: 'Modify kubeconfig files', run: async (argv) => (await import('./commands/config.js')).configCommand(argv) },
  version: { group: OTHER, short: 'Print the client and server version information', run: verb(() => import('./commands/version.js')) },
  server: { group: KUBELITE, short: 'Run the API server, store and controllers in one process', run: async (argv) => (await import('./commands/server.js')).serverCommand(argv) },
  // Loaded on use: the agent's HTTPS client and YAML kubeconfig parser must not slow `server` start-up.
  agent: { group: KUBELITE, short: 'Add nodes (real or simulated) to a running server', run: async (argv) => (await import('./commands/agent.js')).agentCommand(argv) },
  __complete: { group: OTHER, short: 'Completion candidates for the shell scripts', hidden: true, run: async (argv) => (await import('./commands/completion.js')).complete(argv, Object.keys(commands)) },
};

const GROUP_ORDER = [BEGINNER, INTERMEDIATE, DEPLOY, CLUSTER, TROUBLESHOOTING, ADVANCED, SETTINGS, OTHER, KUBELITE];

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 3;
  const groups = GROUP_ORDER.map((g) => {
    const lines = Object.entries(commands).filter(([, e]) => e.group === g && !e.hidden).map(([n, e]) => `  ${n.padEnd(width)}${e.short}`);
    return lines.length ? `${g}:\n${lines.join('\n')}\n` : '';
  }).filter(Boolean);
  return 'kubelite controls a Kubernetes-compatible cluster on this machine: the kubectl verbs, plus a server and nodes.\n\n' +
    ` Use it wherever a tutorial says kubectl: "kubelite get pods" prints what "kubectl get pods" prints.\n\n` +
    `${groups.join('\n')}\nUsage:\n  kubelite [flags] [options]\n\nUse "kubelite <command> --help" for more information about a given command.\n`;
}

export async function main(argv: string[]): Promise<number> {
  restoreExtraCaCertsEnv(); // bin/kubelite started node without it
  // Global flags may come before the verb (`kubelite -n kube-system get pods`): move them after it.
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--help' && argv[i] !== '-h') {
    const a = argv[i]!;
    lead.push(a);
    if (!a.includes('=') && ['-n', '--namespace', '--kubeconfig', '--context', '--cache-dir', '--request-timeout'].includes(a) && i + 1 < argv.length) lead.push(argv[++i]!);
    i++;
  }
  const [verbName, ...rest] = argv.slice(i);
  if (!verbName || verbName === '--help' || verbName === '-h' || verbName === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const cmd = commands[verbName];
  if (!cmd) {
    const { suggestionsFor } = await import('./core/suggest.js');
    const near = suggestionsFor(verbName, Object.keys(commands).filter((n) => !commands[n]!.hidden));
    // kubectl 1.33's text: the suggestions, if any, and nothing more.
    const tail = near.length ? `\nDid you mean this?\n${near.map((n) => `\t${n}\n`).join('')}` : '';
    process.stderr.write(`error: unknown command "${verbName}" for "kubelite"\n${tail}`);
    return 1;
  }
  try {
    return await cmd.run([...lead, ...rest]);
  } catch (e) {
    if (e instanceof FlagError) { process.stderr.write(`error: ${e.message}\nSee 'kubelite ${verbName} --help' for usage.\n`); return 1; }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
