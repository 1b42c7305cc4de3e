// kubectl run NAME --image=… (k8s.io/kubectl/pkg/cmd/run, generate/versioned BasicPod): one Pod
// with a container named NAME, labels `run=NAME` unless --labels, restartPolicy from --restart
// (Always), arguments after `--` as args (or the command with --command), env, port, and
// dnsPolicy ClusterFirst; fields in Go's struct order, as kubectl's typed Pod marshals.
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { bool, list, str, type ParsedArgs } from '../core/kflags.js';
import { createObject, dryRunFlag, dryRunOf, fieldValidation, outputFlag, successText, validateFlag } from '../core/write.js';

export const verb: Verb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  example: `  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Start a busybox pod that runs once and keep it
  kubectl run hello --image=busybox --restart=Never -- echo hello

  # Start a pod with labels and environment variables
  kubectl run web --image=nginx --labels="app=web,env=prod" --env="DNS_DOMAIN=cluster"

  # Start a pod running a different command
  kubectl run sleeper --image=busybox --command -- sleep 3600`,
  flags: [outputFlag, dryRunFlag, validateFlag,
    { name: 'image', type: 'string', default: '', help: 'The image for the container to run.' },
    { name: 'restart', type: 'string', default: 'Always', help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', default: false, help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'env', type: 'array', default: [], help: 'Environment variables to set in the container.' },
    { name: 'labels', type: 'string', default: '', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'port', type: 'string', default: '', help: 'The port that this container exposes.' },
    { name: 'image-pull-policy', type: 'string', default: '', help: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'annotations', type: 'array', default: [], help: 'Annotations to apply to the pod.' }],
  run,
};

const pairs = (items: string[], what: string) => items.map((e) => {
  const eq = e.indexOf('=');
  if (eq <= 0) throw new UsageError(`invalid ${what}: ${e}`);
  return [e.slice(0, eq), e.slice(eq + 1)] as const;
});

async function run(p: ParsedArgs, cli: Cli): Promise<number> {
  // cobra checks required flags before the command looks at its arguments.
  if (!str(p, 'image')) throw new ExitError('error: required flag(s) "image" not set');
  const name = p.args[0];
  if (!name) throw new UsageError('NAME is required for run');
  const restart = str(p, 'restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
  const labels = str(p, 'labels') ? Object.fromEntries(pairs(str(p, 'labels').split(','), 'label spec')) : { run: name };
  const annotations = Object.fromEntries(pairs(list(p, 'annotations'), 'annotation'));
  const args = [...p.args.slice(1), ...p.rest];
  const container: Record<string, unknown> = { name, image: str(p, 'image') };
  if (args.length) container[bool(p, 'command') ? 'command' : 'args'] = args;
  if (str(p, 'port')) container.ports = [{ containerPort: Number(str(p, 'port')) }];
  if (list(p, 'env').length) container.env = pairs(list(p, 'env'), 'env').map(([k, v]) => ({ name: k, value: v }));
  container.resources = {};
  if (str(p, 'image-pull-policy')) container.imagePullPolicy = str(p, 'image-pull-policy');
  const pod = {
    kind: 'Pod', apiVersion: 'v1',
    metadata: { name, creationTimestamp: null, labels, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  const ctx = cli.context();
  const [r] = await ctx.resolve('pods');
  const dryRun = dryRunOf(p);
  const created = await createObject(ctx, r!, ctx.namespace, pod, 'kubectl-run', dryRun, fieldValidation(p));
  cli.out(successText(r!, created, 'created', dryRun, str(p, 'output'), dryRun === 'client'));
  return 0;
}
