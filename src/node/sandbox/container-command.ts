// The command lines that start a container inside a pod sandbox and exec into one, built only from
// util-linux tools and sh (no runc): the moral equivalent of runc's init with a host root filesystem.
//
// Process chain of a container (P = the process the runtime spawns, in its own process group):
//   agent ─spawn→ P: setpriv --pdeathsig KILL → nsenter --net=<netns> → unshare --pid --uts --mount → sh OUTER
//   P (outer sh) ─fork→ C: setpriv --pdeathsig KILL → sh INNER → exec argv   (C is PID 1 of the new PID namespace)
// - agent killed (even SIGKILL): P gets SIGKILL (its parent-death signal) → C gets SIGKILL (its parent, P,
//   died) → the kernel kills every process of the PID namespace, since its init died.
// - C exits: the PID namespace dies with it; P's `wait` returns C's status (128+n for a signal, so an OOM
//   kill is 137) and P exits with it. (unshare --fork would do the waiting, but util-linux 2.38's unshare
//   exits 1, not by signal, when its child is SIGKILLed.)
// - Stop: the runtime sends SIGTERM to C alone (then SIGKILL to P's process group). P ignores TERM/INT/HUP (it must outlive C to report its
//   status); C gets the signal, which as a PID 1 it only sees if it handles it (as in Docker/Kubernetes,
//   a PID 1 without a SIGTERM handler waits for the SIGKILL after the grace period).
// C's INNER script mounts /proc for the new PID namespace, sets the hostname, joins the cgroups (so the
// limits hold from its first byte), bind-mounts the volumes, changes directory and execs the command.
import type { Mount } from '../runtime/runtime.js';

export interface CommandLine { file: string; args: string[]; cwd?: string }

export interface ContainerScript {
  /** /run/netns/<name>; undefined for hostNetwork pods (host network and UTS). */
  netnsPath?: string;
  hostname?: string;
  cgroupProcs: string[];
  /** Mounts whose mount points already exist on the host filesystem. */
  mounts: Mount[];
  workingDir?: string;
  argv: string[];
}

// P: keeps the PID namespace's init as its only child and reports its status. A background job of a
// shell without job control gets /dev/null as stdin, so the container's stdin (kubectl run -i, attach)
// is handed over on fd 4 and put back in place inside.
const OUTER = 'i=$1; shift; trap "" TERM INT HUP; exec 4<&0; (trap - TERM INT HUP; exec setpriv --pdeathsig KILL -- sh -c "$i" container "$@" <&4 4<&-) & exec 4<&-; wait $!';

export function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function innerScript(s: Pick<ContainerScript, 'hostname' | 'cgroupProcs' | 'mounts' | 'workingDir'>): string {
  const steps = ['mount -t proc proc /proc'];
  if (s.hostname !== undefined) steps.push(`echo ${quote(s.hostname)} > /proc/sys/kernel/hostname`);
  for (const procs of s.cgroupProcs) steps.push(`echo $$ > ${quote(procs)}`);
  for (const m of s.mounts) {
    steps.push(`mount --bind ${quote(m.hostPath)} ${quote(m.containerPath)}`);
    // A bind mount takes the flags of its source; read-only needs a second, remounting step.
    if (m.readOnly) steps.push(`mount -o remount,bind,ro ${quote(m.containerPath)}`);
  }
  // As runc, a missing working directory is created (after the mounts, as it may be inside a volume).
  if (s.workingDir) steps.push(`mkdir -p ${quote(s.workingDir)} && cd ${quote(s.workingDir)}`);
  steps.push('exec "$@"');
  return steps.join(' && ');
}

export function containerCommandLine(s: ContainerScript): CommandLine {
  const ns = s.netnsPath ? ['nsenter', `--net=${s.netnsPath}`, '--'] : [];
  const unshare = ['unshare', '--pid', '--mount', '--propagation', 'private', ...(s.netnsPath ? ['--uts'] : []), '--'];
  return {
    file: 'setpriv',
    args: ['--pdeathsig', 'KILL', '--', ...ns, ...unshare, 'sh', '-c', OUTER, 'kubelite-pod', innerScript(s), ...s.argv],
  };
}

/**
 * nsenter into every namespace of the container's PID 1 (and its working directory), joining its
 * cgroups; the exec'd process dies with the agent (parent-death signals on both sides of nsenter's fork).
 */
export function execCommandLine(initPid: number, cgroupProcs: string[], argv: string[]): CommandLine {
  const join = cgroupProcs.map((p) => `echo $$ > ${quote(p)} && `).join('');
  return {
    file: 'setpriv',
    args: ['--pdeathsig', 'KILL', '--', 'nsenter', `--target=${initPid}`, '--all', '--wd', '--',
      'setpriv', '--pdeathsig', 'KILL', '--', 'sh', '-c', `${join}exec "$@"`, 'kubelite-exec', ...argv],
  };
}
