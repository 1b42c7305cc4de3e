// kubectl create job|cronjob|namespace|configmap|secret generic: the objects kubectl 1.33
// generates (k8s.io/kubectl/pkg/cmd/create/create_job.go, create_cronjob.go, …), shaped as Go's
// typed structs marshal them (creationTimestamp: null, resources: {}, status: {}), so that
// `--dry-run=client -o yaml` prints what kubectl prints.
import { StatusError } from '../../api/errors.js';
import { ExitError, UsageError, type Cli, type Verb } from '../core/command.js';
import { list, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { resourcePath } from '../core/resources.js';
import type { KObj } from '../core/targets.js';
import { createObject, dryRunFlag, dryRunOf, fieldValidation, outputFlag, successText, validateFlag } from '../core/write.js';

const common: Flag[] = [outputFlag, dryRunFlag, validateFlag];

function oneName(p: ParsedArgs): string {
  if (p.args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${p.args.length}`);
  return p.args[0]!;
}

// create_job.go and create_cronjob.go wrap the server's refusal ("failed to create job: <message>");
// the other generators print it as it came.
const WRAPPED: Record<string, string> = { 'jobs.batch': 'job', 'cronjobs.batch': 'cronjob' };

async function send(p: ParsedArgs, cli: Cli, obj: KObj, typed: string): Promise<number> {
  const ctx = cli.context();
  const [r] = await ctx.resolve(typed);
  const dryRun = dryRunOf(p);
  let created: KObj;
  try {
    created = await createObject(ctx, r!, r!.namespaced ? ctx.namespace : undefined, obj, 'kubectl-create', dryRun, fieldValidation(p));
  } catch (e) {
    const what = WRAPPED[typed];
    if (what && e instanceof StatusError) throw new ExitError(`error: failed to create ${what}: ${e.message}`);
    throw e;
  }
  cli.out(successText(r!, created, 'created', dryRun, str(p, 'output'), dryRun === 'client'));
  return 0;
}

const job: Verb = {
  name: 'create job',
  short: 'Create a job with the specified name',
  usage: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  example: `  # Create a job
  kubectl create job my-job --image=busybox

  # Create a job with a command
  kubectl create job my-job --image=busybox -- date

  # Create a job from a cron job named "a-cronjob"
  kubectl create job test-job --from=cronjob/a-cronjob`,
  flags: [...common,
    { name: 'image', type: 'string', default: '', help: 'Image name to run.' },
    { name: 'from', type: 'string', default: '', help: 'The name of the resource to create a Job from (only cronjob is supported).' }],
  async run(p, cli) {
    const name = oneName(p);
    const image = str(p, 'image');
    const from = str(p, 'from');
    if (!image && !from) throw new UsageError('either --image or --from must be specified');
    if (image && from) throw new UsageError('--image and --from are mutually exclusive');
    if (from) {
      const [type, cjName] = from.split('/');
      if (!cjName || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(type!.toLowerCase())) throw new Error(`from must be an existing cronjob: ${from}`);
      const ctx = cli.context();
      const [cjr] = await ctx.resolve('cronjobs.batch');
      const cj = await ctx.transport.json<KObj & { spec: { jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: unknown } } }>({ method: 'GET', path: resourcePath(cjr!, ctx.namespace, cjName) });
      const tmpl = cj.spec.jobTemplate;
      // Fields in Go's struct order (ObjectMeta, OwnerReference), for -o json.
      const metadata: KObj['metadata'] = {
        name,
        creationTimestamp: null,
        ...(tmpl.metadata?.labels ? { labels: tmpl.metadata.labels } : {}),
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
      };
      return send(p, cli, { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: tmpl.spec, status: {} }, 'jobs.batch');
    }
    const container: Record<string, unknown> = { name, image, ...(p.rest.length ? { command: p.rest } : {}), resources: {} };
    return send(p, cli, {
      kind: 'Job', apiVersion: 'batch/v1', metadata: { name, creationTimestamp: null },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } }, status: {},
    }, 'jobs.batch');
  },
};

const cronjob: Verb = {
  name: 'create cronjob',
  short: 'Create a cron job with the specified name',
  usage: 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags] [options]',
  example: `  # Create a cron job
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"

  # Create a cron job with a command
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
  flags: [...common,
    { name: 'image', type: 'string', default: '', help: 'Image name to run.' },
    { name: 'schedule', type: 'string', default: '', help: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', default: '', help: 'job\'s restart policy. supported values: OnFailure, Never' }],
  async run(p, cli) {
    const name = oneName(p);
    if (!str(p, 'image')) throw new UsageError('--image must be specified');
    if (!str(p, 'schedule')) throw new UsageError('--schedule must be specified');
    const restart = str(p, 'restart') || 'OnFailure';
    if (restart !== 'OnFailure' && restart !== 'Never') throw new UsageError(`invalid restart policy: ${restart}`);
    const container: Record<string, unknown> = { name, image: str(p, 'image'), ...(p.rest.length ? { command: p.rest } : {}), resources: {} };
    return send(p, cli, {
      kind: 'CronJob', apiVersion: 'batch/v1', metadata: { name, creationTimestamp: null },
      spec: {
        schedule: str(p, 'schedule'),
        jobTemplate: { metadata: { name, creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: restart } } } },
      },
      status: {},
    }, 'cronjobs.batch');
  },
};

const namespace: Verb = {
  name: 'create namespace',
  short: 'Create a namespace with the specified name',
  usage: 'create namespace NAME [--dry-run=server|client|none] [options]',
  example: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
  flags: common,
  async run(p, cli) {
    const name = oneName(p);
    return send(p, cli, { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} }, 'namespaces');
  },
};

/** --from-literal=k=v pairs (kubectl splits at the first `=`). */
function literals(p: ParsedArgs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of list(p, 'from-literal')) {
    const eq = l.indexOf('=');
    if (eq <= 0) throw new Error(`invalid literal source ${l}, expected key=value`);
    out[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return out;
}

const dataFlags: Flag[] = [
  { name: 'from-literal', type: 'array', default: [], help: 'Specify a key and literal value to insert (i.e. mykey=somevalue)' },
];

const configmap: Verb = {
  name: 'create configmap',
  short: 'Create a config map from a local file, directory or literal value',
  usage: 'create configmap NAME [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  example: '  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2',
  flags: [...common, ...dataFlags],
  async run(p, cli) {
    const name = oneName(p);
    const data = literals(p);
    return send(p, cli, { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, ...(Object.keys(data).length ? { data } : {}) }, 'configmaps');
  },
};

const secretGeneric: Verb = {
  name: 'create secret',
  short: 'Create a secret using a specified subcommand (generic)',
  usage: 'create secret generic NAME [--type=string] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  example: '  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
  flags: [...common, ...dataFlags, { name: 'type', type: 'string', default: '', help: 'The type of secret to create' }],
  async run(p, cli) {
    if (p.args[0] !== 'generic') throw new UsageError('only "kubelite create secret generic" is supported');
    const name = oneName({ ...p, args: p.args.slice(1) });
    const data = Object.fromEntries(Object.entries(literals(p)).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
    return send(p, cli, {
      kind: 'Secret', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, ...(Object.keys(data).length ? { data } : {}),
      ...(str(p, 'type') ? { type: str(p, 'type') } : {}),
    }, 'secrets');
  },
};

export const subVerbs: Record<string, Verb> = { configmap, cm: configmap, cronjob, cj: cronjob, job, namespace, ns: namespace, secret: secretGeneric };
