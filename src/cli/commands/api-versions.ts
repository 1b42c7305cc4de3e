// kubectl api-versions: every group/version the server serves ("v1" for the core group), one per
// line, sorted as Go sorts strings (cmd/apiresources/apiversions.go).
import type { Cli, Verb } from '../core/command.js';
import type { ParsedArgs } from '../core/kflags.js';

export const verb: Verb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  usage: 'api-versions [flags] [options]',
  example: `  # Print the supported API versions
  kubectl api-versions`,
  flags: [],
  run,
};

async function run(_p: ParsedArgs, cli: Cli): Promise<number> {
  const all = await cli.context().allResources({ fresh: true });
  const versions = new Set(all.map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
  cli.out([...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((v) => `${v}\n`).join(''));
  return 0;
}
