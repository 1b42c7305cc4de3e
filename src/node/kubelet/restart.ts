// Whether the kubelet starts a container (again): pkg/kubelet/container/helpers.go
// ShouldContainerBeRestarted as kuberuntime computePodActions applies it. A deleted pod starts
// nothing; a container never started starts; a running one is left alone; a finished one restarts
// unless restartPolicy is Never, or OnFailure and it exited 0. A regular init container that exited
// 0 is done for good; sidecars (restartPolicy Always init containers) always restart.
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import { isRestartableInit } from './container-status.js';

export type LastRun = { running: true } | { running: false; exitCode: number } | undefined;

export function shouldContainerBeRestarted(pod: Pod, container: Container, last: LastRun, isInit = false): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (!last) return true;
  if (last.running) return false;
  if (isInit && isRestartableInit(container)) return true;
  if (isInit && last.exitCode === 0) return false;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' && last.exitCode === 0) return false;
  return true;
}
