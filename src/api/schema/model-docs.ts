// Descriptions and required fields are not in the runtime type maps, but @kubernetes/client-node ships them
// in each model's declaration file: the class and field doc comments (Kubernetes' own descriptions) and
// `'name': T` without `?` for required fields. Read lazily, one small file per model, for OpenAPI only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ModelDocs {
  description?: string;
  fields: Map<string, { description?: string; required: boolean }>;
}

let modelsDir: string | undefined;
const cache = new Map<string, ModelDocs>();

function dir(): string {
  modelsDir ??= dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/dist/gen/models/all.js'));
  return modelsDir;
}

const FIELD_RE = /^\s*'([^']+)'(\?)?:/;

/** The documentation of a model; empty when its declaration file cannot be read. */
export function modelDocs(model: string): ModelDocs {
  let docs = cache.get(model);
  if (!docs) {
    docs = parse(readDeclaration(model));
    cache.set(model, docs);
  }
  return docs;
}

function readDeclaration(model: string): string {
  if (!/^[A-Za-z0-9]+$/.test(model)) return '';
  try {
    return readFileSync(join(dir(), `${model}.d.ts`), 'utf8');
  } catch {
    return '';
  }
}

function parse(text: string): ModelDocs {
  const docs: ModelDocs = { fields: new Map() };
  let pending: string | undefined;
  let comment: string[] | undefined;
  let inClass = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '/**') {
      comment = [];
      continue;
    }
    if (comment) {
      if (t === '*/') {
        pending = unescape(comment.join('\n'));
        comment = undefined;
      } else comment.push(t.replace(/^\* ?/, ''));
      continue;
    }
    if (!inClass && t.startsWith('export declare class')) {
      inClass = true;
      if (pending) docs.description = pending;
      pending = undefined;
      continue;
    }
    const m = inClass ? FIELD_RE.exec(line) : null;
    if (m) {
      const entry: { description?: string; required: boolean } = { required: m[2] !== '?' };
      if (pending) entry.description = pending;
      docs.fields.set(m[1]!, entry);
    }
    if (t !== '') pending = undefined;
  }
  return docs;
}

function unescape(s: string): string {
  return s.replace(/\\(['"\\])/g, '$1').trim();
}
