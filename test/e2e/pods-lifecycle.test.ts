// Pods on the process runtime of `kubelite server`'s own node, driven by the real kubectl, showing
// what kubectl shows against a v1.33 cluster: hello-world Completed with its greeting (scenario 8's
// pod), a restartPolicy Always pod cycling Completed → restarts → CrashLoopBackOff (scenario 9), a
// command that cannot start (StartError, 128), an unknown image (ErrImagePull → ImagePullBackOff),
// deletion that leaves no process, activeDeadlineSeconds, env from ConfigMaps and fieldRefs, and a
// configMap volume. The scenarios run concurrently, each on its own pods.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kubectl, kubectlMissing, type TestServer } from './harness.js';
import { deleteAllPods, eventsOf, eventually, ok, pids, podRow, waitGone, waitStatus, watchPods, podTestServer } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;

const { cidr } = podTestServer(skip, (s) => { server = s; });

const k = (args: string[], input?: string) => ok(server, args, { input });

describe('pod lifecycle on the process runtime', { skip, concurrency: true }, () => {
  test('hello-world: Completed, READY 0/1, logs print the greeting', async () => {
    assert.equal(await k(['run', 'hello', '--image=hello-world', '--restart=Never']), 'pod/hello created\n');
    const row = await waitStatus(server, 'hello', 'Completed');
    assert.deepEqual([row.ready, row.restarts], ['0/1', '0']);
    assert.equal(row.ip!.split('.').slice(0, 3).join('.'), cidr.split('.').slice(0, 3).join('.'));
    const logs = await k(['logs', 'hello']);
    assert.match(logs, /^\nHello from kubelite!\nThis message shows that your kubelite node appears to be working correctly\.\n/);
    assert.equal(await k(['get', 'pod', 'hello', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.reason} {.status.containerStatuses[0].state.terminated.exitCode}']), 'Succeeded Completed 0');
    // An untagged image defaults to imagePullPolicy Always: the kubelet pulls it, as a real node does.
    const events = (await eventsOf(server, 'hello')).filter((e) => / (Pulling|Pulled) /.test(e)).sort(); // same second: order not kept
    assert.equal(events.length, 2, events.join('\n'));
    assert.match(events[0]!, /^Normal Pulled Successfully pulled image "hello-world" in (0s|\d+ms) \(\1 including waiting\)\. Image size: [1-9]\d* bytes\.$/);
    assert.equal(events[1], 'Normal Pulling Pulling image "hello-world"');
  });

  test('scenario 9: restartPolicy Always pod shows Completed, RESTARTS n (Ns ago), then CrashLoopBackOff', async () => {
    const watch = watchPods(server, ['-l', 'run=testpod']);
    try {
      await k(['run', 'testpod', '--image=centos:7', '--command', '--', 'sleep', '1']);
      const back = await waitStatus(server, 'testpod', 'CrashLoopBackOff', 15_000);
      assert.match(back.restarts, /^1 \(\d+s ago\)$/);
      // The back-off is 10 s: the second restart comes, finishes, and backs off again (20 s).
      const second = await eventually(async () => {
        const r = await podRow(server, 'testpod');
        assert.match(r.restarts, /^2 \(\d+s ago\)$/, JSON.stringify(r));
        assert.equal(r.status, 'CrashLoopBackOff');
        return r;
      }, 20_000);
      assert.equal(second.ready, '0/1');
    } finally { watch.stop(); }
    // Every exit is visible as Completed before the restart or the back-off (as SyncPod writes it).
    const seen = watch.rows().map((r) => r.split(' ').slice(1, 4).join(' ').replace(/ \(\d+s ago\)/, ''));
    const order = ['1/1 Running 0', '0/1 Completed 0', '1/1 Running 1', '0/1 Completed 1', '0/1 CrashLoopBackOff 1', '1/1 Running 2', '0/1 CrashLoopBackOff 2'];
    let at = 0;
    for (const s of seen) if (s.startsWith(order[at]!)) at++;
    assert.equal(at, order.length, `watch rows out of order:\n${watch.rows().join('\n')}`);
    const d = await k(['describe', 'pod', 'testpod']);
    assert.match(d, /State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff\n\s+Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0\n/);
    assert.match(d, /Restart Count:\s+2\n/);
    assert.match(d, /Warning\s+BackOff\s+.*kubelet\s+Back-off restarting failed container testpod in pod testpod_default\([0-9a-f-]{36}\)\n/);
    assert.match(d, /Normal\s+Started\s+\S+ \(x3 over \d+s\)\s+kubelet\s+Started container testpod\n/);
    assert.match(await k(['get', 'pod', 'testpod', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.message}']),
      /^back-off (10|20)s restarting failed container=testpod pod=testpod_default\([0-9a-f-]{36}\)$/);
  });

  test('a command that cannot start, restartPolicy Never: StartError, exit code 128, pod Failed', async () => {
    await k(['run', 'broken', '--image=busybox', '--restart=Never', '--command', '--', '/no/such/binary']);
    const row = await waitStatus(server, 'broken', 'StartError');
    assert.deepEqual([row.ready, row.restarts], ['0/1', '0']);
    const d = await k(['describe', 'pod', 'broken']);
    assert.match(d, /Status:\s+Failed\n/);
    assert.match(d, /State:\s+Terminated\n\s+Reason:\s+StartError\n\s+Message:\s+.*exec: "\/no\/such\/binary": stat \/no\/such\/binary: no such file or directory.*\n\s+Exit Code:\s+128\n/);
    assert.match(d, /Warning\s+Failed\s+.*kubelet\s+Error: failed to create containerd task: .*\/no\/such\/binary/);
    assert.match(d, /Warning\s+HostCommand\s+.*Image "busybox" is not available to kubelite; running the container's command on the host/);
  });

  test('an unknown image without a command: ErrImagePull, then ImagePullBackOff, pulls retried', async () => {
    await k(['run', 'nosuch', '--image=nosuchimage', '--restart=Never']);
    const row = await waitStatus(server, 'nosuch', 'ErrImagePull');
    assert.equal(row.ready, '0/1');
    assert.match(await k(['get', 'pod', 'nosuch', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.waiting.message}']),
      /^Pending rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/library\/nosuchimage:latest": .*kubelite has no registry/);
    await waitStatus(server, 'nosuch', 'ImagePullBackOff', 30_000);
    const events = await eventsOf(server, 'nosuch');
    assert.ok(events.includes('Normal Pulling Pulling image "nosuchimage"'), events.join('\n'));
    assert.ok(events.some((e) => e.startsWith('Warning Failed Failed to pull image "nosuchimage": rpc error: code = NotFound desc = failed to pull and unpack image')), events.join('\n'));
    assert.ok(events.includes('Warning Failed Error: ErrImagePull'), events.join('\n'));
    assert.ok(events.includes('Normal BackOff Back-off pulling image "nosuchimage"'), events.join('\n'));
    // The second pull's event is aggregated (count 2) by an event write of its own, which may land
    // just after the status write that shows ImagePullBackOff, as on a real node.
    await eventually(async () => assert.match(await k(['describe', 'pod', 'nosuch']), /Normal\s+Pulling\s+\S+ \(x2 over \d+s\)\s+kubelet\s+Pulling image "nosuchimage"/), 5_000);
  });

  test('deleting a running pod (grace 1 s) removes it within seconds and leaves no process', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: sleeper}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - {name: main, image: busybox, command: ["sleep", "424201"]}
`);
    await waitStatus(server, 'sleeper', 'Running');
    assert.equal(pids('sleep 424201').length > 0, true, 'the container process runs');
    const t0 = Date.now();
    assert.equal(await k(['delete', 'pod', 'sleeper']), 'pod "sleeper" deleted\n');
    await waitGone(server, 'sleeper', 10_000);
    assert.ok(Date.now() - t0 < 6000, `deletion took ${Date.now() - t0}ms`);
    await eventually(async () => assert.deepEqual(pids('sleep 424201'), []), 5000);
  });

  test('activeDeadlineSeconds: the pod fails with reason DeadlineExceeded and its process is stopped', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: deadline}
spec:
  restartPolicy: Never
  activeDeadlineSeconds: 2
  terminationGracePeriodSeconds: 1
  containers:
  - {name: main, image: busybox, command: ["sleep", "424202"]}
`);
    await waitStatus(server, 'deadline', 'Running');
    await eventually(async () => {
      assert.equal(await k(['get', 'pod', 'deadline', '-o', 'jsonpath={.status.phase} {.status.reason}']), 'Failed DeadlineExceeded');
    }, 10_000);
    const d = await k(['describe', 'pod', 'deadline']);
    assert.match(d, /Status:\s+Failed\nReason:\s+DeadlineExceeded\nMessage:\s+Pod was active on the node longer than the specified deadline\n/);
    assert.match(d, /Warning\s+DeadlineExceeded\s+.*kubelet\s+Pod was active on the node longer than the specified deadline/);
    assert.match(d, /Normal\s+Killing\s+.*kubelet\s+Stopping container main/);
    await eventually(async () => assert.deepEqual(pids('sleep 424202'), []), 5000);
  });

  test('env from a ConfigMap and fieldRefs, $(VAR) expansion, HOSTNAME, and a configMap volume', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data:
  greeting: hola
  motd.txt: "mounted from a configMap\\n"
---
apiVersion: v1
kind: Pod
metadata: {name: envpod}
spec:
  restartPolicy: Never
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo GREETING=$GREETING; echo NAME=$MY_NAME; echo IP=$MY_IP; echo HOST=$(hostname) $HOSTNAME; echo EXPANDED=$(EXPANDED); echo SVC=$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT; cat /etc/app/motd.txt"]
    env:
    - name: GREETING
      valueFrom: {configMapKeyRef: {name: app-config, key: greeting}}
    - name: MY_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: MY_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: EXPANDED
      value: "x-$(MY_NAME)"
    volumeMounts:
    - {name: cfg, mountPath: /etc/app}
  volumes:
  - name: cfg
    configMap: {name: app-config}
`);
    const row = await waitStatus(server, 'envpod', 'Completed');
    // The service link variables come from the kubelet's service lister (default/kubernetes always).
    const svc = await k(['get', 'service', 'kubernetes', '-o', 'jsonpath={.spec.clusterIP}:{.spec.ports[0].port}']);
    assert.match(svc, /^\d+\.\d+\.\d+\.\d+:\d+$/);
    assert.equal(await k(['logs', 'envpod']),
      `GREETING=hola\nNAME=envpod\nIP=${row.ip}\nHOST=envpod envpod\nEXPANDED=x-envpod\nSVC=${svc}\nmounted from a configMap\n`);
  });

  test('a container whose ConfigMap is missing waits with CreateContainerConfigError', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: nocfg}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo $X"]
    env:
    - name: X
      valueFrom: {configMapKeyRef: {name: missing-config, key: x}}
`);
    await waitStatus(server, 'nocfg', 'CreateContainerConfigError');
    assert.equal(await k(['get', 'pod', 'nocfg', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.message}']), 'configmap "missing-config" not found');
  });
});

test('cleanup leaves no process of this test behind', { skip }, async () => {
  const r = await deleteAllPods(server);
  assert.equal(r.code, 0, r.stderr);
  for (const marker of ['sleep 424201', 'sleep 424202']) assert.deepEqual(pids(marker), []);
  assert.equal((await kubectl(server, ['get', 'pods', '--no-headers'])).stdout, '');
});
