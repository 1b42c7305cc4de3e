// The `kubelite` command: dispatches to a verb.
import { FlagError } from './flags.js';
import { serverCommand } from './commands/server.js';

const usage = `kubelite runs Kubernetes workloads on one machine.

Basic Commands:
  server        Run the API server, store and controllers in one process
  agent         Add nodes (real or simulated) to a running server
  version       Print the client version

Usage:
  kubelite [command] [options]

Use "kubelite <command> --help" for more information about a given command.
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  server: serverCommand,
  // Loaded on use: the agent's HTTPS client and YAML kubeconfig parser must not slow `server` start-up.
  agent: async (argv) => (await import('./commands/agent.js')).agentCommand(argv),
  version: async () => { process.stdout.write('Client Version: v1.33.0+kubelite\n'); return 0; },
};

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') { process.stdout.write(usage); return 0; }
  const cmd = commands[verb];
  if (!cmd) {
    process.stderr.write(`error: unknown command "${verb}" for "kubelite"\nRun 'kubelite --help' for usage.\n`);
    return 1;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof FlagError) { process.stderr.write(`error: ${e.message}\nSee 'kubelite ${verb} --help' for usage.\n`); return 1; }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
