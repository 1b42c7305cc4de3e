// The per-container supervisor: a detached `sh` (its own session, so neither the agent's death nor a
// signal to the pod reaches it) that starts the sandbox's container command in a new process group
// (setsid, so stop() can signal the whole group), with stdout/stderr appended to raw files, and writes
// the exit status to `<id>.exit` when the container ends. The agent may die at any point: the container
// keeps running (in namespaces mode its chain dies with this supervisor instead, via parent-death
// signals), its output keeps landing in the files, its status is kept, and a new agent adopts it.
// A shell costs one fork+exec (~1 ms) where a Node shim would cost ~40 ms and ~40 MB per container.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandLine } from '../../sandbox/sandbox-manager.js';

export interface ContainerFiles {
  record: string;
  out: string;
  err: string;
  pid: string;
  exit: string;
  stdin: string;
}

export function containerFiles(stateDir: string, id: string): ContainerFiles {
  const base = join(stateDir, 'containers', id);
  return { record: `${base}.json`, out: `${base}.out`, err: `${base}.err`, pid: `${base}.pid`, exit: `${base}.exit`, stdin: `${base}.in` };
}

// $1..$5: out, err, pid file, exit file, stdin (a FIFO or /dev/null); then the command. The container's
// pid goes to the pid file (for a later agent) and to fd 3 (the agent's pipe; in a subshell, so that a
// dead agent's closed pipe kills only the subshell), and fd 3 is closed so the container never holds it.
const SCRIPT = [
  'o=$1 e=$2 p=$3 x=$4 i=$5; shift 5',
  'setsid "$@" <"$i" >>"$o" 2>>"$e" 3>&- &',
  'c=$!',
  'echo $c >"$p"',
  '(echo $c >&3) 2>/dev/null',
  'exec 3>&-',
  'wait $c',
  'echo $? >"$x"',
].join('\n');

export interface Supervised {
  supervisorPid: number;
  /** The pid of the process spawned from the container command (its process group leader). */
  pid: number;
  /** Resolves when the supervisor has exited (the exit file is then written, unless it was killed). */
  supervisorExited: Promise<void>;
}

export async function superviseContainer(files: ContainerFiles, cmd: CommandLine, env: NodeJS.ProcessEnv, stdin: string): Promise<Supervised> {
  mkdirSync(join(files.record, '..'), { recursive: true });
  const child = spawn('/bin/sh', ['-c', SCRIPT, 'kubelite-supervisor', files.out, files.err, files.pid, files.exit, stdin, cmd.file, ...cmd.args], {
    detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env, cwd: cmd.cwd,
  });
  const supervisorExited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.unref();
  const pipe = child.stdio[3];
  if (!pipe || child.pid === undefined) throw new Error('could not start the container supervisor');
  const pid = await new Promise<number>((resolve, reject) => {
    let got = '';
    pipe.on('data', (d: Buffer) => { got += d.toString(); });
    pipe.once('end', () => {
      const n = Number(got.trim());
      if (n > 0) resolve(n); else reject(new Error('the container supervisor exited before starting the container'));
    });
    child.once('error', reject);
  });
  (pipe as unknown as { unref?: () => void }).unref?.();
  return { supervisorPid: child.pid, pid, supervisorExited };
}

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): with the pid, an identity that survives pid reuse. */
export function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]);
  } catch {
    return undefined;
  }
}

/** Whether pid is still the process that was started at startTime (and not a zombie). */
export function sameProcessAlive(pid: number, startTime: number | undefined): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] !== 'Z' && (startTime === undefined || Number(fields[19]) === startTime);
  } catch {
    return false;
  }
}

/** The exit status the supervisor recorded and when (the file's mtime), if it has. */
export function readExitFile(files: ContainerFiles): { code: number; at: number } | undefined {
  try {
    const text = readFileSync(files.exit, 'utf8').trim();
    if (!text) return undefined;
    return { code: Number(text), at: statSync(files.exit).mtimeMs };
  } catch {
    return undefined;
  }
}
