// Fixtures shared by the workload kinds' tests: golden cases and the create pipeline the registry runs.
import { readFileSync } from 'node:fs';
import { invalid, type FieldError, type Status } from '../../errors.js';
import type { KindDef } from '../../kind.js';
import type { KObject } from '../../object.js';

export const GOLDEN_ERRORS = '/work/shared/reference/golden/errors';
export const UID = 'bc018c86-0404-455c-8132-bbc6365aa661';

export interface GoldenCase { request: { body: KObject }; response: { status: number; body: Status & KObject } }

export const golden = (name: string): GoldenCase => JSON.parse(readFileSync(`${GOLDEN_ERRORS}/${name}.raw.json`, 'utf8')) as GoldenCase;

/** What the registry does on POST: namespace and uid, defaults, strategy, validation. */
export function create(kind: KindDef, body: KObject): { obj: KObject; errs: FieldError[] } {
  const obj = structuredClone(body);
  obj.metadata = { namespace: 'default', uid: UID, ...obj.metadata };
  kind.defaults?.(obj);
  kind.prepareForCreate?.(obj);
  return { obj, errs: kind.validate?.(obj) ?? [] };
}

export const statusOf = (kind: KindDef, obj: KObject, errs: FieldError[]) => invalid(kind, obj.metadata.name ?? '', errs).toStatus();
