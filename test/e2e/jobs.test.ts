// Job scenarios 1–8 of the tutorial (shared/scenarios/README.md) with the real kubectl against
// `kubelite server` on the process runtime: get jobs STATUS and COMPLETIONS, describe's Pods Statuses
// and job-controller events, logs job/pi, replacements, backoffLimit, deadline, the growing failure
// back-off. The server runs with --job-backoff-base 2s (10 s upstream) and long sleeps are shortened,
// so the file stays well under a minute; the scenarios run concurrently, each on its own Job.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { claimPodCidr, kubectl, kubectlMissing, startTestServer, type TestServer } from './harness.js';
import { deleteAllPods, eventsOf, eventually, ok, removeNamespacesInCidr, sleep } from './pods-helpers.js';

const skip = kubectlMissing();
const MANIFESTS = '/work/shared/scenarios/manifests';
const manifest = (name: string) => readFileSync(join(MANIFESTS, name), 'utf8');
const cidr = claimPodCidr();
let server: TestServer;

before(async () => {
  if (skip) return;
  server = await startTestServer({ store: 'memory', extraArgs: ['--pod-cidr', cidr, '--job-backoff-base', '2s'] });
  await ok(server, ['create', 'namespace', 'broken']);
});
after(async () => {
  if (skip || !server) return;
  await kubectl(server, ['delete', 'jobs', '--all', '-A', '--wait=false']);
  await deleteAllPods(server, 'broken');
  await deleteAllPods(server);
  await server.stop();
  removeNamespacesInCidr(cidr);
});

const k = (args: string[], input?: string) => ok(server, args, { input });

interface JobRow { name: string; status: string; completions: string }
async function jobRow(name: string, ns = 'default'): Promise<JobRow> {
  const [n, status, completions] = (await k(['get', 'job', name, '-n', ns, '--no-headers'])).trim().split(/\s+/);
  return { name: n!, status: status!, completions: completions! };
}

const waitJob = (name: string, status: string, completions: string, timeoutMs: number, ns = 'default') => eventually(async () => {
  assert.deepEqual(await jobRow(name, ns), { name, status, completions });
}, timeoutMs, 300);

/** `get pods` rows of a Job's pods as `name status`, by the job-name label. */
async function jobPods(job: string, ns = 'default'): Promise<string[]> {
  const out = await k(['get', 'pods', '-n', ns, '-l', `job-name=${job}`, '--no-headers', '-o', 'custom-columns=N:.metadata.name,P:.status.phase']);
  return out.split('\n').filter(Boolean).map((l) => l.replace(/\s+/g, ' ').trim());
}

const podsStatuses = async (job: string, ns = 'default') => /Pods Statuses:\s+(.*)\n/.exec(await k(['describe', 'job', job, '-n', ns]))?.[1];

describe('Jobs (tutorial scenarios 1–8) on the process runtime', { skip, concurrency: true }, () => {
  test('1. pi: 1/1 Complete, logs job/pi print π, describe shows 1 Succeeded and SuccessfulCreate then Completed', async () => {
    assert.equal(await k(['create', '-f', '-'], manifest('pi-job.yaml')), 'job.batch/pi created\n');
    await waitJob('pi', 'Complete', '1/1', 30_000);
    assert.match(await k(['logs', 'job/pi']), /^3\.14159265358979323846264338327950288419716939937510/);
    assert.equal(await podsStatuses('pi'), '0 Active (0 Ready) / 1 Succeeded / 0 Failed');
    const d = await k(['describe', 'job', 'pi']);
    assert.match(d, /Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: pi-[a-z0-9]{5}\n\s+Normal\s+Completed\s+\S+\s+job-controller\s+Job completed\n/);
    const conds = await k(['get', 'job', 'pi', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status}/{.reason} {end}']);
    assert.equal(conds.trim(), 'SuccessCriteriaMet=True/CompletionsReached Complete=True/CompletionsReached');
    assert.equal(await k(['get', 'pods', '-l', 'job-name=pi', '-o', 'jsonpath={.items[0].metadata.finalizers}']), '', 'the tracking finalizer is gone once counted');
  });

  test('2. Never, pod deleted mid-run: a replacement is created and the Job completes 1/1', async () => {
    // The manifest as the learner has it, but sleeping 8 s instead of 50. As on a real runtime, SIGTERM
    // reaches only bash, PID 1 of the pod, which ignores it until the SIGKILL after the grace period
    // (3 s here instead of 30): the deleted pod ends Failed (137) and the Job creates a replacement.
    const yaml = manifest('centos-job-never.yaml').replace('sleep 50', 'sleep 8');
    assert.match(yaml, /sleep 8/);
    await k(['create', '-f', '-'], yaml);
    const first = await eventually(async () => {
      const rows = await jobPods('centos-job');
      assert.deepEqual(rows.map((r) => r.split(' ')[1]), ['Running']);
      return rows[0]!.split(' ')[0]!;
    }, 20_000);
    await k(['delete', 'pod', first, '--wait=false', '--grace-period=3']);
    await waitJob('centos-job', 'Complete', '1/1', 30_000);
    const rows = await jobPods('centos-job');
    assert.ok(rows.some((r) => r.endsWith('Succeeded') && !r.startsWith(first)), rows.join('\n'));
    assert.match((await podsStatuses('centos-job'))!, /^0 Active \(0 Ready\) \/ 1 Succeeded \/ 1 Failed$/);
    const events = await eventsOf(server, 'centos-job');
    assert.equal(events.filter((e) => e.startsWith('Normal SuccessfulCreate')).length, 2, events.join('\n'));
  });

  test('3. OnFailure, broken command: restarts grow, then Failed BackoffLimitExceeded and the pod is removed', async () => {
    // backoffLimit 2 instead of 3: the kubelet's restart back-off (10 s, 20 s) would make 3 take ~30 s more.
    await k(['create', '-n', 'broken', '-f', '-'], manifest('centos-job-onfailure-broken.yaml').replace('backoffLimit: 3', 'backoffLimit: 2'));
    const seen = new Set<string>();
    await eventually(async () => {
      const out = await k(['get', 'pods', '-n', 'broken', '-l', 'job-name=centos-job', '--no-headers']);
      const m = /^\S+\s+0\/1\s+(\S+)\s+(\d+)( \(\d+s ago\))?/.exec(out.trim());
      if (m) seen.add(`${m[1]} ${m[2]}${m[3] ? ' ago' : ''}`);
      assert.deepEqual(await jobRow('centos-job', 'broken'), { name: 'centos-job', status: 'Failed', completions: '0/1' });
    }, 40_000, 300);
    assert.ok([...seen].some((s) => /^(RunContainerError|StartError|CrashLoopBackOff) 1 ago$/.test(s)), [...seen].join(', '));
    // As on a real node, a failed start shows as RunContainerError until the next PLEG relist (1 s).
    assert.ok([...seen].some((s) => s.startsWith('RunContainerError ')), [...seen].join(', '));
    const conds = await k(['get', 'job', 'centos-job', '-n', 'broken', '-o', 'jsonpath={range .status.conditions[*]}{.type}/{.reason}/{.message};{end}']);
    assert.equal(conds, 'FailureTarget/BackoffLimitExceeded/Job has reached the specified backoff limit;Failed/BackoffLimitExceeded/Job has reached the specified backoff limit;');
    await eventually(async () => assert.deepEqual(await jobPods('centos-job', 'broken'), []), 20_000);
    const events = await eventsOf(server, 'centos-job', 'broken');
    assert.ok(events.includes('Warning BackoffLimitExceeded Job has reached the specified backoff limit'), events.join('\n'));
    assert.ok(events.some((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: centos-job-')), events.join('\n'));
  });

  test('4. sequential completions: one pod at a time, 0/5 … 5/5', async () => {
    await k(['create', '-f', '-'], manifest('batch-completions.yaml').replace('sleep 2', 'sleep 1'));
    const progress: string[] = [];
    let maxActive = 0;
    await eventually(async () => {
      const out = await k(['get', 'job', 'multi-completion-batch-job', '-o', 'jsonpath={.status.active} {.status.succeeded}']);
      maxActive = Math.max(maxActive, Number(out.split(' ')[0] || 0));
      const row = await jobRow('multi-completion-batch-job');
      if (progress.at(-1) !== row.completions) progress.push(row.completions);
      assert.equal(row.status, 'Complete');
    }, 45_000, 300);
    assert.equal(maxActive, 1);
    assert.equal(progress.at(-1), '5/5');
    assert.ok(progress.length >= 3 && progress.every((p, i) => i === 0 || Number(p[0]) > Number(progress[i - 1]![0])), progress.join(' '));
    assert.deepEqual((await jobPods('multi-completion-batch-job')).map((r) => r.split(' ')[1]), Array(5).fill('Succeeded'));
  });

  test('5. parallel completions: never more than 2 running, five Completed pods remain', async () => {
    await k(['create', '-f', '-'], manifest('batch-parallel.yaml'));
    let maxRunning = 0;
    await eventually(async () => {
      const rows = await jobPods('parallel-completion-batch-job');
      maxRunning = Math.max(maxRunning, rows.filter((r) => /Running|Pending/.test(r)).length);
      assert.equal((await jobRow('parallel-completion-batch-job')).status, 'Complete');
    }, 45_000, 250);
    assert.ok(maxRunning >= 1 && maxRunning <= 2, `max running ${maxRunning}`);
    assert.equal((await jobRow('parallel-completion-batch-job')).completions, '5/5');
    assert.deepEqual((await jobPods('parallel-completion-batch-job')).map((r) => r.split(' ')[1]), Array(5).fill('Succeeded'));
    assert.equal(await podsStatuses('parallel-completion-batch-job'), '0 Active (0 Ready) / 5 Succeeded / 0 Failed');
  });

  test('6. deadline: FailureTarget DeadlineExceeded after ~5 s, Failed once the running pod has terminated', async () => {
    await k(['create', '-f', '-'], manifest('deadline-job.yaml'));
    const t0 = Date.now();
    // v1.33 (JobManagedBy/JobPodReplacementPolicy on): FailureTarget at the deadline, Failed only once no pod
    // is terminating. The pod's PID 1 ignores SIGTERM, so that is after its 30 s grace period, as on a cluster.
    await waitJob('deadline-job', 'FailureTarget', '0/1', 20_000);
    assert.ok(Date.now() - t0 >= 4000, `FailureTarget after ${Date.now() - t0} ms`);
    await waitJob('deadline-job', 'Failed', '0/1', 50_000);
    assert.ok(Date.now() - t0 >= 30_000, `Failed after ${Date.now() - t0} ms: before the pod's grace period ended`);
    const conds = await k(['get', 'job', 'deadline-job', '-o', 'jsonpath={range .status.conditions[*]}{.type}/{.reason}/{.message};{end}']);
    assert.equal(conds, 'FailureTarget/DeadlineExceeded/Job was active longer than specified deadline;Failed/DeadlineExceeded/Job was active longer than specified deadline;');
    await eventually(async () => assert.deepEqual(await jobPods('deadline-job'), []), 20_000);
    assert.equal(await podsStatuses('deadline-job'), '0 Active (0 Ready) / 0 Succeeded / 1 Failed');
    const events = await eventsOf(server, 'deadline-job');
    assert.ok(events.some((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: deadline-job-')), events.join('\n'));
    assert.ok(events.includes('Warning DeadlineExceeded Job was active longer than specified deadline'), events.join('\n'));
  });

  test('7. exit codes: exit 0 completes 1/1; exit 1 stays 0/1 with Error pods spaced by a growing back-off; deleting it removes its pods', async () => {
    await k(['create', 'job', 'job-1', '--image=ubuntu', '--', '/bin/bash', '-c', 'exit 0']);
    await k(['create', 'job', 'job-2', '--image=ubuntu', '--', '/bin/bash', '-c', 'exit 1']);
    // Base 2 s: the second pod is created 2 s after the first one's container finished, the third 4 s
    // after the second's. Measured on the pods' own timestamps (when kubectl first saw each pod moved
    // with the load of the files running beside this one): whole seconds, and the back-off counts from
    // finishedAt as written, so 2 and 4 are exact lower bounds; a gap grows only by the controller's delay.
    const gaps = await eventually(async () => {
      const pods = (JSON.parse(await k(['get', 'pods', '-l', 'job-name=job-2', '-o', 'json'])) as { items: Pod[] }).items
        .sort((x, y) => x.metadata!.creationTimestamp!.localeCompare(y.metadata!.creationTimestamp!));
      assert.ok(pods.length >= 3, `${pods.length} pods`);
      const seconds = (t: string | undefined) => { assert.ok(t); return Date.parse(t) / 1000; };
      const finished = (p: Pod) => seconds(p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt);
      return [1, 2].map((i) => seconds(pods[i]!.metadata!.creationTimestamp) - finished(pods[i - 1]!));
    }, 30_000, 300);
    assert.ok(gaps[0]! >= 2 && gaps[1]! >= 4 && gaps[1]! > gaps[0]!, `gaps ${gaps.join(' s, ')} s`);
    await waitJob('job-1', 'Complete', '1/1', 5000);
    assert.deepEqual([(await jobRow('job-2')).status, (await jobRow('job-2')).completions], ['Running', '0/1']);
    const out = await k(['get', 'pods', '-l', 'job-name=job-2', '--no-headers']);
    assert.ok(out.split('\n').filter(Boolean).slice(0, 2).every((l) => /\s0\/1\s+Error\s+0\s/.test(l)), out);
    assert.match((await podsStatuses('job-2'))!, /^\d Active \(0 Ready\) \/ 0 Succeeded \/ [2-9] Failed$/);
    await k(['delete', 'job', 'job-2']);
    await eventually(async () => assert.deepEqual(await jobPods('job-2'), []), 20_000);
  });

  test('8. hello-world: pod hello-world-xxxxx Completed, logs print the greeting', async () => {
    await k(['create', 'job', 'hello-world', '--image=hello-world']);
    await waitJob('hello-world', 'Complete', '1/1', 20_000);
    const rows = await jobPods('hello-world');
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, /^hello-world-[a-z0-9]{5} Succeeded$/);
    assert.match(await k(['get', 'pods', '-l', 'job-name=hello-world', '--no-headers']), /^hello-world-[a-z0-9]{5}\s+0\/1\s+Completed\s+0\s/);
    assert.match(await k(['logs', 'job/hello-world']), /Hello from kubelite!/);
    await sleep(0);
  });
});
