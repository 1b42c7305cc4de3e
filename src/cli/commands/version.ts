// kubectl version: `Client Version:` and `Server Version:` lines (the server's /version
// gitVersion), --client, -o json|yaml with clientVersion/serverVersion objects.
import type { Cli, Verb } from '../core/command.js';
import { bool, str, type ParsedArgs } from '../core/kflags.js';

/** kubelite's client identity: kubectl 1.33's API, kubelite's build. */
export const CLIENT_VERSION = {
  major: '1', minor: '33', gitVersion: 'v1.33.0+kubelite', gitCommit: '', gitTreeState: 'clean', buildDate: '', goVersion: `node${process.versions.node}`,
  compiler: 'node', platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
};

export const verb: Verb = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  usage: 'version [flags] [options]',
  example: '  # Print the client and server versions for the current context\n  kubectl version',
  flags: [
    { name: 'client', type: 'bool', default: false, help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'One of \'yaml\' or \'json\'.' }],
  needsServer: (p) => !bool(p, 'client'),
  run,
};

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  const out: Record<string, unknown> = { clientVersion: CLIENT_VERSION };
  let serverError: unknown;
  if (!bool(p, 'client')) {
    try {
      out.serverVersion = await cli.context().transport.json<Record<string, string>>({ method: 'GET', path: '/version' });
    } catch (e) { serverError = e; }
  }
  const o = str(p, 'output');
  // The printers load only for -o: plain `version --client` is the CLI's start-up benchmark.
  if (o === 'json') cli.out((await import('../printers/go-json.js')).toGoJson(out, '  ', false));
  else if (o === 'yaml') cli.out((await import('../printers/go-yaml.js')).toGoYaml(out));
  else if (o) throw new Error(`--output must be 'yaml' or 'json'`);
  else {
    cli.out(`Client Version: ${CLIENT_VERSION.gitVersion}\n`);
    if (out.serverVersion) cli.out(`Server Version: ${(out.serverVersion as { gitVersion: string }).gitVersion}\n`);
  }
  if (serverError) throw serverError;
  return 0;
}
