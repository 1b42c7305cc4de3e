// The everyday kubectl verbs against a real `kubelite server`: create, apply, get in every output
// format, label, annotate, scale, edit, watch, the generator commands (protobuf bodies) and explain
// (deletion with each cascade policy and namespaces: kubectl-deletion.test.ts). Expected output is
// what kubectl prints against kube-apiserver v1.33.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ConfigMap, Pod, ReplicationController } from 'kubernetes-types/core/v1.js';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import { parse as parseYaml } from 'yaml';
import { kubectlPath } from './harness.js';
import { configMapYaml, kubectlSession, podYaml, rcYaml } from './kubectl-session.js';

const { skip, server, k, ok, getJson, file } = kubectlSession('kubelite-crud-');

test('create -f a file with several YAML documents creates each', { skip }, async () => {
  const p = file('multi.yaml', `${configMapYaml('multi-a', { k: 'a' })}---\n${configMapYaml('multi-b', { k: 'b' })}---\n${podYaml('multi-pod', { app: 'multi' })}`);
  assert.equal(await ok(['create', '-f', p]), 'configmap/multi-a created\nconfigmap/multi-b created\npod/multi-pod created\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'multi-b'])).data!.k, 'b');
  const created = await getJson<Pod>(['pod', 'multi-pod']);
  assert.equal(created.spec!.containers[0]!.image, 'busybox');
  assert.equal(created.status!.phase, 'Pending');
});

test('create -f - reads the manifest from stdin', { skip }, async () => {
  assert.equal(await ok(['create', '-f', '-'], { input: configMapYaml('from-stdin', { via: 'stdin' }) }), 'configmap/from-stdin created\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'from-stdin'])).data!.via, 'stdin');
});

test('apply creates, is a no-op when nothing changed, and configures a change', { skip }, async () => {
  const p = file('apply.yaml', podYaml('applied', { app: 'apply' }));
  assert.equal(await ok(['apply', '-f', p]), 'pod/applied created\n');
  const first = (await getJson<Pod>(['pod', 'applied'])).metadata!;
  assert.ok(first.annotations!['kubectl.kubernetes.io/last-applied-configuration'], 'apply records last-applied-configuration');

  assert.equal(await ok(['apply', '-f', p]), 'pod/applied unchanged\n');
  const second = (await getJson<Pod>(['pod', 'applied'])).metadata!;
  assert.equal(second.resourceVersion, first.resourceVersion);

  writeFileSync(p, podYaml('applied', { app: 'apply', tier: 'web' }));
  assert.equal(await ok(['apply', '-f', p]), 'pod/applied configured\n');
  const third = (await getJson<Pod>(['pod', 'applied'])).metadata!;
  assert.deepEqual(third.labels, { app: 'apply', tier: 'web' });
  assert.notEqual(third.resourceVersion, first.resourceVersion);
  assert.equal(third.uid, first.uid);
});

test('get prints -o name, yaml, json and wide', { skip }, async () => {
  await ok(['create', '-f', '-'], { input: podYaml('web', { app: 'web' }) });
  assert.equal(await ok(['get', 'pod', 'web', '-o', 'name']), 'pod/web\n');

  const y = parseYaml(await ok(['get', 'pod', 'web', '-o', 'yaml'])) as Pod;
  assert.equal(y.apiVersion, 'v1');
  assert.equal(y.kind, 'Pod');
  assert.equal(y.metadata!.name, 'web');
  assert.equal(y.metadata!.namespace, 'default');
  assert.match(y.metadata!.uid!, /^[0-9a-f-]{36}$/);

  const j = await getJson<Pod>(['pod', 'web']);
  assert.deepEqual(j.metadata!.labels, { app: 'web' });
  assert.equal(j.spec!.restartPolicy, 'Always');

  const list = await getJson<{ kind: string; items: Pod[] }>(['pods']);
  assert.equal(list.kind, 'List');
  assert.ok(list.items.some((p) => p.metadata!.name === 'web'));

  const wide = (await ok(['get', 'pod', 'web', '-o', 'wide'])).split('\n');
  assert.match(wide[0]!, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
  assert.match(wide[1]!, /^web\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>\s+<none>\s+<none>$/);
});

test('get --show-labels, -L, -l and -A', { skip }, async () => {
  await ok(['create', '-f', '-'], { input: `${podYaml('lbl-x', { app: 'x', tier: 'a' })}---\n${podYaml('lbl-y', { app: 'y' })}` });
  const shown = await ok(['get', 'pods', 'lbl-x', 'lbl-y', '--show-labels']);
  assert.match(shown, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS\n/);
  assert.match(shown, /\nlbl-x\s+0\/1\s+Pending\s+0\s+\S+\s+app=x,tier=a\n/);
  assert.match(shown, /\nlbl-y\s+.*\s+app=y\n/);

  const col = await ok(['get', 'pods', 'lbl-x', 'lbl-y', '-L', 'app']);
  assert.match(col, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+APP\n/);
  assert.match(col, /\nlbl-x\s+.*\s+x\n/);

  const selected = await ok(['get', 'pods', '-l', 'app=x', '-o', 'name']);
  assert.equal(selected, 'pod/lbl-x\n');
  assert.equal(await ok(['get', 'pods', '-l', 'app in (x,y)', '-o', 'name']), 'pod/lbl-x\npod/lbl-y\n');
  assert.equal(await ok(['get', 'pods', '-l', 'app!=x,app', '-o', 'name']).then((s) => s.includes('pod/lbl-x')), false);
  const none = await k(['get', 'pods', '-l', 'app=nothing-has-this']);
  assert.equal(none.code, 0);
  assert.equal(none.stdout, '');
  assert.equal(none.stderr, 'No resources found in default namespace.\n');

  await ok(['create', 'namespace', 'other-ns']);
  await ok(['create', '-f', '-'], { input: podYaml('elsewhere', { app: 'x' }, 'other-ns') });
  const all = await ok(['get', 'pods', '-A', '-l', 'app=x']);
  assert.match(all, /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
  assert.match(all, /\ndefault\s+lbl-x\s/);
  assert.match(all, /\nother-ns\s+elsewhere\s/);
});

test('get all lists the kubernetes service; get --raw /readyz answers ok', { skip }, async () => {
  const all = await ok(['get', 'all']);
  assert.match(all, /service\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+/);
  assert.equal(await ok(['get', '--raw', '/readyz']), 'ok');
});

test('label adds, refuses to overwrite without --overwrite, overwrites, and removes with key-', { skip }, async () => {
  await ok(['create', '-f', '-'], { input: podYaml('labelled', { app: 'l' }) });
  assert.equal(await ok(['label', 'pod', 'labelled', 'tier=front']), 'pod/labelled labeled\n');
  const refused = await k(['label', 'pod', 'labelled', 'tier=back']);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, "error: 'tier' already has a value (front), and --overwrite is false\n");
  assert.equal(await ok(['label', 'pod', 'labelled', 'tier=back', '--overwrite']), 'pod/labelled labeled\n');
  assert.deepEqual((await getJson<Pod>(['pod', 'labelled'])).metadata!.labels, { app: 'l', tier: 'back' });
  assert.equal(await ok(['label', 'pod', 'labelled', 'tier-']), 'pod/labelled unlabeled\n');
  assert.deepEqual((await getJson<Pod>(['pod', 'labelled'])).metadata!.labels, { app: 'l' });
});

test('annotate adds and removes an annotation', { skip }, async () => {
  await ok(['create', 'configmap', 'annotated', '--from-literal=a=1']);
  assert.equal(await ok(['annotate', 'configmap', 'annotated', 'note=hello world']), 'configmap/annotated annotated\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'annotated'])).metadata!.annotations!.note, 'hello world');
  assert.equal(await ok(['annotate', 'configmap', 'annotated', 'note-']), 'configmap/annotated annotated\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'annotated'])).metadata!.annotations?.note, undefined);
});

test('scale rc --replicas sets spec.replicas through the scale subresource', { skip }, async () => {
  assert.equal(await ok(['create', '-f', '-'], { input: rcYaml('scaled', 1) }), 'replicationcontroller/scaled created\n');
  const created = await getJson<ReplicationController>(['rc', 'scaled']);
  assert.deepEqual(created.metadata!.labels, { app: 'scaled' }, 'RC labels default from the template');
  assert.equal(await ok(['scale', 'rc', 'scaled', '--replicas=3']), 'replicationcontroller/scaled scaled\n');
  // A server-side dry run answers as if scaled and stores nothing.
  assert.equal(await ok(['scale', 'rc', 'scaled', '--replicas=7', '--dry-run=server']), 'replicationcontroller/scaled scaled (server dry run)\n');
  const scaled = await getJson<ReplicationController>(['rc', 'scaled']);
  assert.equal(scaled.spec!.replicas, 3);
  // kubectl checks --resource-version against the Scale it reads (a client-side precondition).
  const stale = await k(['scale', 'rc', 'scaled', '--replicas=5', `--resource-version=${created.metadata!.resourceVersion}`]);
  assert.deepEqual({ code: stale.code, stderr: stale.stderr }, { code: 1, stderr: `error: Expected resource version to be ${created.metadata!.resourceVersion}, was ${scaled.metadata!.resourceVersion}\n` });
  assert.equal((await getJson<ReplicationController>(['rc', 'scaled'])).spec!.replicas, 3);
});

test('edit applies the change the editor made', { skip }, async () => {
  await ok(['create', 'configmap', 'editme', '--from-literal=color=red']);
  const editor = file('editor.sh', '#!/bin/sh\nsed -i \'s/^  color: red$/  color: blue/\' "$1"\n');
  chmodSync(editor, 0o755);
  assert.equal(await ok(['edit', 'configmap', 'editme'], { env: { KUBE_EDITOR: editor, EDITOR: editor } }), 'configmap/editme edited\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'editme'])).data!.color, 'blue');

  // An editor that changes nothing: kubectl reports the edit was cancelled and writes nothing.
  const noop = file('noop.sh', '#!/bin/sh\ntrue\n');
  chmodSync(noop, 0o755);
  const rv = (await getJson<ConfigMap>(['configmap', 'editme'])).metadata!.resourceVersion;
  const r = await k(['edit', 'configmap', 'editme'], { env: { KUBE_EDITOR: noop, EDITOR: noop } });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'Edit cancelled, no changes made.\n');
  assert.equal((await getJson<ConfigMap>(['configmap', 'editme'])).metadata!.resourceVersion, rv);
});

test('get -w prints the update as it happens', { skip }, async () => {
  await ok(['create', 'configmap', 'watched', '--from-literal=a=1']);
  const w = spawn(kubectlPath, ['--kubeconfig', server().kubeconfig, 'get', 'configmap', 'watched', '-w', '--output-watch-events'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  w.stderr.on('data', (d) => { err += d; });
  const lineMatching = (re: RegExp) => new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no line matching ${re} in:\n${out}\nstderr:\n${err}`)), 10_000);
    const check = () => {
      const line = out.split('\n').find((l) => re.test(l));
      if (line !== undefined) { clearTimeout(t); w.stdout.off('data', check); resolve(line); }
    };
    w.stdout.on('data', (d) => { out += d; });
    w.stdout.on('data', check);
    check();
  });
  try {
    await lineMatching(/^ADDED\s+watched\s+1\s+/);
    assert.match(out, /^EVENT\s+NAME\s+DATA\s+AGE\n/);
    await ok(['patch', 'configmap', 'watched', '--type=merge', '-p', '{"data":{"b":"2"}}']);
    await lineMatching(/^MODIFIED\s+watched\s+2\s+/);
  } finally {
    w.kill('SIGTERM');
  }
});

test('create job and create cronjob (protobuf bodies from kubectl 1.33)', { skip }, async () => {
  assert.equal(await ok(['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi']), 'job.batch/hello created\n');
  const job = await getJson<Job>(['job', 'hello']);
  const spec = job.spec!;
  const c = spec.template.spec!.containers[0]!;
  assert.deepEqual({ name: c.name, image: c.image, command: c.command }, { name: 'hello', image: 'busybox', command: ['echo', 'hi'] });
  assert.equal(spec.template.spec!.restartPolicy, 'Never');
  assert.deepEqual([spec.backoffLimit, spec.completions, spec.parallelism, spec.completionMode], [6, 1, 1, 'NonIndexed']);
  assert.equal(spec.template.metadata!.labels!['batch.kubernetes.io/job-name'], 'hello');
  assert.equal(spec.selector!.matchLabels!['batch.kubernetes.io/controller-uid'], job.metadata!.uid);

  assert.equal(await ok(['create', 'cronjob', 'ticker', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']), 'cronjob.batch/ticker created\n');
  const cj = (await getJson<CronJob>(['cronjob', 'ticker'])).spec!;
  assert.equal(cj.schedule, '*/5 * * * *');
  assert.deepEqual([cj.concurrencyPolicy, cj.suspend, cj.successfulJobsHistoryLimit, cj.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
  assert.deepEqual(cj.jobTemplate.spec!.template.spec!.containers[0]!.command, ['date']);
  assert.equal(cj.jobTemplate.spec!.template.spec!.restartPolicy, 'OnFailure');
  assert.match(await ok(['get', 'cronjob', 'ticker']), /^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nticker\s+\*\/5 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\S+\n$/);
});

test('explain pod.spec.containers describes the field from the OpenAPI schema', { skip }, async () => {
  const out = await ok(['explain', 'pod.spec.containers']);
  assert.match(out, /^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: containers <\[\]Container>\n/);
  assert.match(out, /DESCRIPTION:\n\s+List of containers belonging to the pod\./);
  assert.match(out, /\n {2}image\t<string>\n/);
  assert.match(out, /\n {2}name\t<string> -required-\n/);
});
