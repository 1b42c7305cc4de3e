// The argv a container runs: the image's entrypoint/cmd combined with the container's command/args
// as container runtimes do (a command replaces the entrypoint and drops the image's cmd; args replace
// the cmd), with $(VAR) references in command and args expanded against the container's resolved env
// (kubelet container/helpers.go ExpandContainerCommandAndArgs). Image defaults are never expanded.
import type { Container } from 'kubernetes-types/core/v1.js';
import { expand, mappingFor } from './expansion.js';

export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
}

/** command and args expanded against env (the last value of a repeated name wins, as EnvVarsToMap). */
export function expandCommandAndArgs(container: Container, env: ReadonlyArray<readonly [string, string]>): { command: string[]; args: string[] } {
  const mapping = mappingFor(new Map(env));
  return {
    command: (container.command ?? []).map((c) => expand(c, mapping)),
    args: (container.args ?? []).map((a) => expand(a, mapping)),
  };
}

export function containerArgv(image: ImageConfig, container: Container, env: ReadonlyArray<readonly [string, string]>): string[] {
  const { command, args } = expandCommandAndArgs(container, env);
  if (command.length > 0) return [...command, ...args];
  const entrypoint = image.entrypoint ?? [];
  return [...entrypoint, ...(args.length > 0 ? args : image.cmd ?? [])];
}
