// kubectl cluster-info: where the control plane answers, then each kube-system Service labelled
// kubernetes.io/cluster-service=true (proxied through the API server), then kubectl's hint.
import type { Cli, Verb } from '../core/command.js';
import type { ParsedArgs } from '../core/kflags.js';

export const verb: Verb = {
  name: 'cluster-info',
  short: 'Display cluster information',
  long: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
  usage: 'cluster-info [flags] [options]',
  example: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
  flags: [],
  run,
};

interface Svc { metadata: { name: string }; spec?: { ports?: Array<{ port: number; name?: string }> } }

async function run(_p: ParsedArgs, cli: Cli): Promise<number> {
  const ctx = cli.context();
  const server = ctx.access.server;
  const list = await ctx.transport.json<{ items: Svc[] }>({ method: 'GET', path: '/api/v1/namespaces/kube-system/services?labelSelector=kubernetes.io%2Fcluster-service%3Dtrue' });
  let text = `Kubernetes control plane is running at ${server}\n`;
  for (const s of list.items) {
    const port = s.spec?.ports?.[0];
    const ref = port?.name ? `${s.metadata.name}:${port.name}` : s.metadata.name;
    text += `${s.metadata.name} is running at ${server}/api/v1/namespaces/kube-system/services/${ref}/proxy\n`;
  }
  cli.out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}
