// Finds the program a container runs before it is started, so that a command that cannot be run fails
// the start with the error runc gives (libcontainer/standard_init_linux.go: exec.LookPath on the
// container's PATH), as the kubelet shows it: `failed to create containerd task: failed to create shim
// task: OCI runtime create failed: runc create failed: unable to start container process: exec:
// "bashx": executable file not found in $PATH: unknown`.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** containerd's default PATH for a container whose image sets none (oci.DefaultPathEnv). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const RUNC_PREFIX = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

/** Why argv0 cannot be executed (Go's exec.LookPath error text), or undefined when it can. */
export function lookPathError(argv0: string | undefined, path: string, cwd: string): string | undefined {
  if (!argv0) return 'exec: "": executable file not found in $PATH';
  if (argv0.includes('/')) {
    const err = executableError(isAbsolute(argv0) ? argv0 : resolve(cwd, argv0));
    return err && `exec: ${JSON.stringify(argv0)}: ${err === 'permission denied' ? err : `stat ${argv0}: ${err}`}`;
  }
  for (const dir of path.split(':')) {
    if (!executableError(join(dir || '.', argv0))) return undefined;
  }
  return `exec: ${JSON.stringify(argv0)}: executable file not found in $PATH`;
}

export function runcStartMessage(detail: string): string {
  return `${RUNC_PREFIX}${detail}: unknown`;
}

function executableError(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'permission denied';
    accessSync(file, constants.X_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ENOTDIR') return 'not a directory';
    return 'no such file or directory';
  }
}
