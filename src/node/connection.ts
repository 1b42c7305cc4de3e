// How the API server reaches a node's kubelet for the streaming pod subresources (log, exec, attach,
// portforward), as kube-apiserver reaches kubelet's :10250 server (pkg/kubelet/server/server.go).
// The kubelet implements NodeConnection for its node; the API server calls it in-process for its own
// node and over HTTPS (kubelet-server/) for agents on other machines.
import type { Duplex, Readable, Writable } from 'node:stream';

/** PodLogOptions as the kubelet receives them (pkg/kubelet/server/server.go getContainerLogs). */
export interface LogOptions {
  container: string;
  previous: boolean;
  follow: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  timestamps: boolean;
  limitBytes?: number;
}

export interface StreamIO {
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  tty: boolean;
  /** Terminal size changes, each a `{Width,Height}` object (remotecommand.TerminalSize). */
  resize?: Readable;
}

export interface NodeConnection {
  /**
   * The container's log as a byte stream. Throws StatusError 400 BadRequest with the kubelet's words:
   * `container x is not valid for pod y`, `previous terminated container "c" in pod "p" not found`,
   * `container "c" in pod "p" is waiting to start: ContainerCreating`.
   */
  logs(namespace: string, pod: string, opts: LogOptions): Promise<Readable>;
  /** Runs command in the container; resolves with its exit code once it has exited and output is written. */
  exec(namespace: string, pod: string, container: string, command: string[], io: StreamIO): Promise<{ exitCode: number }>;
  /** Attaches to the container's main process until it exits or stdin/stdout close. */
  attach(namespace: string, pod: string, container: string, io: StreamIO): Promise<void>;
  /** A byte stream to port on the pod's network. */
  portForward(namespace: string, pod: string, port: number): Promise<Duplex>;
}

/** How the API server finds a node's connection: in-process for its own node, HTTPS to the agent's kubelet server for others. */
export interface NodeConnections {
  forNode(nodeName: string): Promise<NodeConnection>;
}
