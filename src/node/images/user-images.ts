// User-defined images: a definition file per image under `<dataDir>/images/` (format in docs/images.md).
// `myorg/app:1.2` is looked up as `images/myorg/app:1.2.json`, then `images/myorg/app.json` (any tag).
// The definition's files are written into the image's own directory, which is the default working
// directory, so an entrypoint like `["sh", "./run.sh"]` finds them.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { ImageRef } from './image-ref.js';

export interface ImageFile {
  content: string;
  /** Octal permission bits as a number, e.g. 0o755 (493); scripts want the execute bits. */
  mode?: number;
}

export interface ImageDefinition {
  entrypoint?: string[];
  cmd?: string[];
  env?: Record<string, string> | string[];
  workingDir?: string;
  files?: Record<string, string | ImageFile>;
}

export interface UserImage {
  definition: ImageDefinition;
  /** Where the definition's files live: `<dataDir>/images/<repository>[:tag].d/`. */
  root: string;
  /** The definition file's size, reported as the image's size. */
  sizeBytes: number;
}

export class ImageDefinitionError extends Error {}

export function findUserImage(ref: ImageRef, dataDir: string): UserImage | undefined {
  const base = join(dataDir, 'images', ref.short);
  const candidates = ref.tag ? [`${base}:${ref.tag}`, base] : [base];
  for (const c of candidates) {
    const file = `${c}.json`;
    if (!existsSync(file)) continue;
    let definition: ImageDefinition;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      definition = JSON.parse(text) as ImageDefinition;
    } catch (e) {
      throw new ImageDefinitionError(`image definition ${file}: ${(e as Error).message}`);
    }
    checkDefinition(definition, file);
    const root = `${c}.d`;
    writeFiles(root, definition.files ?? {}, file);
    return { definition, root, sizeBytes: Buffer.byteLength(text) };
  }
  return undefined;
}

function checkDefinition(d: ImageDefinition, file: string): void {
  const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new ImageDefinitionError(`image definition ${file}: not a JSON object`);
  if (!strings(d.entrypoint)) throw new ImageDefinitionError(`image definition ${file}: entrypoint must be an array of strings`);
  if (!strings(d.cmd)) throw new ImageDefinitionError(`image definition ${file}: cmd must be an array of strings`);
  if (d.workingDir !== undefined && typeof d.workingDir !== 'string') throw new ImageDefinitionError(`image definition ${file}: workingDir must be a string`);
}

/** Writes each file only when its content differs, so resolving an image again is cheap. */
function writeFiles(root: string, files: Record<string, string | ImageFile>, file: string): void {
  for (const [rel, spec] of Object.entries(files)) {
    const path = normalize(join(root, rel));
    if (isAbsolute(rel) || !path.startsWith(root + sep)) throw new ImageDefinitionError(`image definition ${file}: file path ${JSON.stringify(rel)} must stay inside the image`);
    const { content, mode } = typeof spec === 'string' ? { content: spec, mode: undefined } : spec;
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (mode !== undefined) chmodSync(path, mode);
  }
}

/** env as `KEY=value` strings (Docker's Config.Env) or an object. */
export function definitionEnv(d: ImageDefinition): Array<[string, string]> {
  if (!d.env) return [];
  if (Array.isArray(d.env)) {
    return d.env.map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    });
  }
  return Object.entries(d.env).map(([k, v]) => [k, String(v)]);
}
