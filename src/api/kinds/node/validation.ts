// Node validation (pkg/apis/core/validation/validation.go ValidateNode, validateNodeTaints, ValidateNodeUpdate).
import type { Taint } from 'kubernetes-types/core/v1.js';
import { duplicate, invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { isValidLabelValue, validateLabelName } from '../../validation/labels.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import type { NodeObject } from './defaults.js';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTaints(taints: Taint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key, `${p}.key`));
    if (t.value) errs.push(...isValidLabelValue(t.value).map((m) => invalidValue(`${p}.value`, t.value, m)));
    if (!t.effect) errs.push(required(`${p}.effect`));
    else if (!EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, EFFECTS));
    // A key may repeat only with different effects.
    const k = `${t.key}:${t.effect}`;
    if (seen.has(k)) errs.push(duplicate(p, t));
    seen.add(k);
  });
  return errs;
}

export function validateNode(obj: KObject): FieldError[] {
  const node = obj as NodeObject;
  return [...validateObjectMeta(node.metadata, false, nameIsDNSSubdomain), ...validateTaints(node.spec?.taints, 'spec.taints')];
}

export function validateNodeUpdate(obj: KObject, old: KObject): FieldError[] {
  const node = obj as NodeObject;
  const prev = old as NodeObject;
  const errs = validateObjectMetaUpdate(node.metadata, prev.metadata);
  errs.push(...validateTaints(node.spec?.taints, 'spec.taints'));
  // podCIDR and providerID may be set once, never changed (ValidateNodeUpdate).
  for (const f of ['podCIDR', 'providerID'] as const) {
    const before = prev.spec?.[f];
    if (before && node.spec?.[f] !== before) {
      errs.push({ type: 'FieldValueForbidden', field: `spec.${f}`, detail: `node updates may not change ${f} except from "" to valid` });
    }
  }
  return errs;
}
