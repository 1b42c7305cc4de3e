// Writes a volume's files the way the kubelet's AtomicWriter does (pkg/volume/util/atomic_writer.go),
// so readers never see half an update: the payload goes into a fresh `..<timestamp>` directory,
// `..data` is switched to it with one rename, and each top-level name is a symlink through `..data`.
import { mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile, chmod, lstat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface FileProjection {
  data: Buffer;
  mode: number;
}

const DATA_DIR = '..data';
const DATA_TMP = '..data_tmp';

function tsDirName(now: number): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `..${d.getUTCFullYear()}_${p(d.getUTCMonth() + 1)}_${p(d.getUTCDate())}_${p(d.getUTCHours())}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(() => true, () => false);
}

/** Whether dir's current payload already equals payload (same paths, bytes and modes). */
async function unchanged(dir: string, payload: Map<string, FileProjection>): Promise<boolean> {
  const current = join(dir, DATA_DIR);
  if (!(await exists(current))) return false;
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(current, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else found.push(r);
    }
  };
  await walk('');
  if (found.length !== payload.size) return false;
  for (const [rel, f] of payload) {
    const p = join(current, rel);
    const st = await lstat(p).catch(() => undefined);
    if (!st || (st.mode & 0o777) !== f.mode) return false;
    if (!(await readFile(p)).equals(f.data)) return false;
  }
  return true;
}

/** Makes dir hold exactly payload (relative paths → bytes and mode); a no-op when nothing changed. */
export async function writeAtomically(dir: string, payload: Map<string, FileProjection>, now: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (await unchanged(dir, payload)) return;
  const oldTs = await readlink(join(dir, DATA_DIR)).catch(() => undefined);
  const ts = tsDirName(now);
  const tsDir = join(dir, ts);
  await mkdir(tsDir, { mode: 0o755 });
  for (const [rel, f] of payload) {
    const p = join(tsDir, rel);
    await mkdir(dirname(p), { recursive: true, mode: 0o755 });
    await writeFile(p, f.data);
    await chmod(p, f.mode);
  }
  await rm(join(dir, DATA_TMP), { force: true });
  await symlink(ts, join(dir, DATA_TMP));
  await rename(join(dir, DATA_TMP), join(dir, DATA_DIR));

  const wanted = new Set([...payload.keys()].map((rel) => rel.split('/')[0]!));
  for (const top of wanted) {
    const link = join(dir, top);
    if (!(await exists(link))) await symlink(join(DATA_DIR, top), link);
  }
  for (const e of await readdir(dir)) {
    if (e.startsWith('..') || wanted.has(e)) continue;
    await rm(join(dir, e), { recursive: true, force: true });
  }
  if (oldTs && oldTs !== ts) await rm(join(dir, oldTs), { recursive: true, force: true });
}
