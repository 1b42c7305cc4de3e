// A container whose config cannot be built (env, volume mounts) waits with reason
// CreateContainerConfigError and this message; the kubelet also records a Warning `Failed` event
// "Error: <message>" (kuberuntime_container.go startContainer).
export class CreateContainerConfigError extends Error {
  readonly reason = 'CreateContainerConfigError';
}

export function configErrorEventMessage(err: Error): string {
  return `Error: ${err.message}`;
}
