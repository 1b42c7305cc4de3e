// kubelite's kubectl verbs against the real kubectl: one fixed script of commands (get in every
// format, create, apply, delete, scale, label, annotate, run, wait, explain, api-resources,
// version, config, and the usual mistakes: unknown resource, not found, invalid manifest,
// already exists) runs through kubectl against one server and through `kubelite` against
// another, started alike; stdout, stderr and exit codes must be identical once ages, uids,
// timestamps, resourceVersions, generated name suffixes, pod IPs and the server URL are masked.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectlMissing, kubectlPath, kubeliteBin, run, startTestServer, type RunResult, type TestServer } from './harness.js';
import { rcYaml } from './kubectl-session.js';

const skip = kubectlMissing();
let viaKubectl: TestServer;
let viaKubelite: TestServer;
let dir: string;

const SIMULATED = ['--runtime', 'simulated', '--job-backoff-base', '1s'];

before(async () => {
  if (skip) return;
  [viaKubectl, viaKubelite] = await Promise.all([startTestServer({ extraArgs: SIMULATED, store: 'memory' }), startTestServer({ extraArgs: SIMULATED, store: 'memory' })]);
  dir = mkdtempSync(join(tmpdir(), 'kubelite-compat-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
after(async () => {
  if (skip) return;
  await Promise.all([viaKubectl.stop(), viaKubelite.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const FILES: Record<string, string> = {
  'app.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {app: demo}
data:
  greeting: hello world
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    metadata:
      annotations: {kubelite.io/simulate-exit-code: "0"}
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["echo", "done"]
`,
  'rc.yaml': rcYaml('kubia', 1),
  'rc-v2.yaml': `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
  labels: {version: v2}
spec:
  replicas: 1
  selector: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia:v2
        ports:
        - containerPort: 8080
`,
  'unknown-field.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  frobnicate: true
  containers:
  - name: main
    image: busybox
`,
  'invalid-job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: bad
spec:
  parallelism: -1
  template:
    spec:
      restartPolicy: Always
      containers:
      - name: main
        image: busybox
`,
  'no-kind.yaml': `apiVersion: v1
metadata:
  name: nokind
`,
};

interface Step { args: string[]; input?: string; env?: Record<string, string> }

/** The script. Paths are relative to the manifests' directory (`@/` prefix). */
const SCRIPT: Step[] = [
  { args: ['version', '--client'] },
  { args: ['version'] },
  { args: ['cluster-info'] },
  { args: ['config', 'view'] },
  { args: ['api-resources'] },
  { args: ['api-resources', '--namespaced=false', '-o', 'wide'] },
  { args: ['get', 'pods'] },
  { args: ['get', 'foos'] },
  { args: ['get', 'pod', 'nope'] },
  { args: ['get', 'pod', 'nope', 'pod/other'] }, // an error without a pointer to -h
  { args: ['get', 'pod/a/b'] }, // more than one slash
  { args: ['get', 'pod/'] }, // a resource and a name, each single
  { args: ['bogusverb'] },
  { args: ['run'] }, // the required flag is checked first
  { args: ['get'] },
  { args: ['get', 'ns'] },
  { args: ['get', 'ns', '--show-labels', '--sort-by=.metadata.name'] },
  { args: ['create', '-f', '@/app.yaml'] },
  { args: ['create', '-f', '@/app.yaml'] },
  { args: ['create', '-f', '@/unknown-field.yaml'] },
  { args: ['create', '-f', '@/invalid-job.yaml'] },
  { args: ['create', '-f', '@/no-kind.yaml'] },
  { args: ['create', '-f', '-'], input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\n' },
  { args: ['run', 'web', '--image=nginx', '--labels=app=web,tier=front'] },
  { args: ['run', 'web2', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--', 'nginx', '-g', 'daemon off;'] },
  { args: ['run', 'bad', '--image=nginx', '--restart=Sometimes'] },
  { args: ['wait', '--for=condition=Ready', 'pod/web', '--timeout=30s'] },
  { args: ['wait', '--for=condition=complete', 'job/once', '--timeout=30s'] },
  { args: ['get', 'pod', 'web'] },
  { args: ['get', 'pods', '-o', 'wide', '--show-labels'] },
  { args: ['get', 'pods', '-L', 'app,tier', '-l', 'app=web'] },
  { args: ['get', 'po', 'web', '-o', 'yaml'] },
  { args: ['get', 'po', 'web', '-o', 'json'] },
  { args: ['get', 'cm', '-o', 'yaml'] },
  { args: ['get', 'po,cm', '-o', 'name'] },
  { args: ['get', 'po,cm,jobs'] },
  { args: ['get', 'pod/web', 'configmap/settings'] },
  { args: ['get', 'all'] },
  { args: ['get', 'po', '-A', '--no-headers', '-l', 'app=web'] },
  { args: ['get', 'po', 'web', '-o', 'jsonpath={.metadata.name}{" "}{.spec.containers[*].image}{"\\n"}'] },
  { args: ['get', 'po', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', '-l', 'app=web'] },
  { args: ['get', 'po', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,MISSING:.spec.nothing', '-l', 'app=web'] },
  { args: ['get', 'cm', '--sort-by=.metadata.name', '-o', 'name'] },
  { args: ['get', 'jobs'] },
  { args: ['get', 'job', 'once', '-o', 'wide'] },
  { args: ['label', 'po', 'web', 'tier=back'] },
  { args: ['label', 'po', 'web', 'tier=back', '--overwrite'] },
  { args: ['label', 'po', 'web', 'tier=back'] },
  { args: ['label', 'po', 'web', 'tier-'] },
  { args: ['label', 'po', 'web', 'tier-'] },
  { args: ['label', 'po', 'nope', 'a=b'] },
  { args: ['annotate', 'po', 'web', 'note=first'] },
  { args: ['annotate', 'po', 'web', 'note=second'] },
  { args: ['annotate', 'po', 'web', 'note=second', '--overwrite'] },
  { args: ['label', 'cm', 'settings', 'tier=web', '-o', 'yaml'] }, // the patched object
  { args: ['annotate', 'cm', 'settings', 'note=x', '--dry-run=client', '-o', 'json'] },
  { args: ['apply', '-f', '@/rc.yaml'] },
  { args: ['apply', '-f', '@/rc.yaml'] },
  { args: ['apply', '-f', '@/rc-v2.yaml'] },
  { args: ['get', 'rc', 'kubia', '-o', 'yaml'] },
  { args: ['scale', 'rc', 'kubia', '--replicas=2'] },
  { args: ['scale', 'job', 'once', '--replicas=2'] },
  { args: ['scale', 'rc', 'nope', '--replicas=2'] },
  { args: ['scale', 'rc', 'kubia', '--replicas=5', '--dry-run=server'] }, // … scaled (server dry run); nothing changes
  { args: ['scale', 'rc', 'kubia', '--replicas=5', '--dry-run=client', '-o', 'name'] },
  { args: ['wait', '--for=jsonpath={.status.readyReplicas}=2', 'rc/kubia', '--timeout=30s'] }, // get rc shows READY next
  { args: ['get', 'rc'] },
  { args: ['get', 'rc', '--no-headers'] }, // short cells padded to the tabwriter's minimum width
  { args: ['get', 'rc,cm', '--no-headers'] }, // no blank line between groups, widths per group
  { args: ['get', 'rc,cm'] },
  { args: ['get', 'rc', 'kubia', '-o', 'jsonpath-as-json={.metadata.name}{.spec.replicas}'] },
  { args: ['get', 'rc', 'nope', '-o', 'yaml'] }, // the error alone
  { args: ['get', 'pod', 'nope', '-n', 'nowhere'] }, // the missing namespace is what is reported
  { args: ['get', 'pods', '-n', 'nowhere', '--ignore-not-found'] }, // nothing at all
  { args: ['get', 'pods', '-l', 'a in (b'] }, // Unable to find "/v1, Resource=pods" that match …
  { args: ['get', 'pods', '-o', 'yaml', '--field-selector', 'spec.bogus=1'] }, // an empty List, then the error
  { args: ['api-versions'] },
  { args: ['create', 'job', 'hello', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'echo', 'hi'] },
  { args: ['create', 'job', 'manual', '--image=busybox'] },
  { args: ['create', 'job', 'manual', '--image=busybox'] }, // failed to create job: … already exists
  { args: ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'] },
  { args: ['create', 'namespace', 'sandbox'] },
  { args: ['create', 'configmap', 'literal', '--from-literal=a=1', '--from-literal=b=two', '-o', 'yaml', '--dry-run=client'] },
  { args: ['get', 'cj'] },
  { args: ['create', 'job', 'from-tick', '--from=cronjob/tick', '--dry-run=client', '-o', 'yaml'] },
  { args: ['create', 'job', 'from-tick', '--from=cronjob/tick'] },
  { args: ['get', 'job', 'from-tick', '-o', 'jsonpath={.metadata.annotations}{" "}{.metadata.ownerReferences[0].kind}'] },
  { args: ['explain', 'pod.spec.restartPolicy'] },
  { args: ['explain', 'job.spec', '--recursive'] },
  { args: ['explain', 'cronjob'] },
  { args: ['explain', 'pod.spec.nothing'] },
  { args: ['config', 'get-contexts'] },
  { args: ['config', 'current-context'] },
  { args: ['edit', 'cm', 'settings'], env: { KUBE_EDITOR: 'sed -i s/hello/goodbye/' } },
  { args: ['edit', 'cm', 'settings'], env: { KUBE_EDITOR: 'true' } },
  { args: ['get', 'cm', 'settings', '-o', 'jsonpath={.data.greeting}'] },
  { args: ['delete', 'po', 'web', '--now'] },
  { args: ['delete', 'po', 'web'] },
  { args: ['delete', '-f', '@/app.yaml'] },
  { args: ['delete', 'rc', 'kubia', '--cascade=orphan'] },
  { args: ['delete', 'po', '-l', 'app=kubia'] },
  { args: ['delete', 'cm', 'from-stdin', 'nope'] },
  { args: ['delete', 'po', '-l', 'app=nothing'] },
  { args: ['delete'] },
  { args: ['get', 'po'] },
];

const MASKS: Array<[RegExp, string]> = [
  [/https:\/\/127\.0\.0\.1:\d+/g, '<server>'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>'],
  [/(resourceVersion"?: ?)"\d+"/g, '$1"<rv>"'],
  [/\b(\d+(?:y|d|h|m|s))+\b/g, '<age>'],
  [/\b10\.244\.\d+\.\d+\b/g, '<pod-ip>'],
  [/-[a-z0-9]{5}\b/g, '-<gen>'],
  [/^Client Version: .*$/m, 'Client Version: <client>'],
  [/^Kustomize Version: .*\n/m, ''],
  [/\bkubectl\b/g, 'kubelite'],
];

/** Masks what legitimately differs between two servers and two clients; aligns padded columns. */
function normalize(text: string): string {
  let t = text;
  for (const [re, to] of MASKS) t = t.replace(re, to);
  // A masked value changes a column's width: compare tables by cells, not by padding.
  return t.replace(/ {3,}/g, '   ');
}

async function step(bin: 'kubectl' | 'kubelite', server: TestServer, s: Step): Promise<RunResult> {
  const args = s.args.map((a) => a.replace(/^@\//, `${dir}/`));
  const env = { ...(s.env ?? {}), KUBECONFIG: server.kubeconfig };
  return bin === 'kubectl'
    ? run(kubectlPath, args, { input: s.input, env, timeoutMs: 45_000 })
    : run(process.execPath, [kubeliteBin, ...args], { input: s.input, env, timeoutMs: 45_000 });
}

test('the tutorial script prints the same through kubectl and kubelite', { skip, timeout: 240_000 }, async () => {
  const runAll = async (bin: 'kubectl' | 'kubelite', server: TestServer) => {
    const out: RunResult[] = [];
    for (const s of SCRIPT) out.push(await step(bin, server, s));
    return out;
  };
  const [want, got] = await Promise.all([runAll('kubectl', viaKubectl), runAll('kubelite', viaKubelite)]);
  const diffs: string[] = [];
  SCRIPT.forEach((s, i) => {
    const w = want[i]!, g = got[i]!;
    const wantText = `exit ${w.code}\n--- stdout\n${normalize(w.stdout)}--- stderr\n${normalize(w.stderr)}`;
    const gotText = `exit ${g.code}\n--- stdout\n${normalize(g.stdout)}--- stderr\n${normalize(g.stderr)}`;
    if (wantText !== gotText) diffs.push(`$ ${s.args.join(' ')}\n=== kubectl\n${wantText}\n=== kubelite\n${gotText}`);
  });
  assert.equal(diffs.length, 0, `${diffs.length} of ${SCRIPT.length} commands differ:\n\n${diffs.join('\n\n')}`);
});
