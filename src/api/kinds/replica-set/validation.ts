// apps/v1 ReplicaSet validation (pkg/apis/apps/validation/validation.go ValidateReplicaSet, ValidateReplicaSetSpec,
// ValidateReplicaSetUpdate, ValidateReplicaSetStatusUpdate) plus the strategy's selector immutability.
import type { ReplicaSet, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import { invalidValue, required, type FieldError } from '../../errors.js';
import { validateLabelSelector } from '../../validation/labels.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { goLabelSelector, goStringMap, withGoValue } from '../../validation/go-value.js';
import { immutableField, nonNegative } from '../../validation/field-rules.js';
import { labelSelectorMatches } from '../../meta/label-selector.js';
import { validateRestartAlwaysTemplate } from './template-rules.js';

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(rs.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validateReplicaSetSpec(rs.spec ?? {} as ReplicaSetSpec, 'spec'));
  return errs;
}

function validateReplicaSetSpec(spec: ReplicaSetSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.replicas ?? 0, `${path}.replicas`));
  errs.push(...nonNegative(spec.minReadySeconds ?? 0, `${path}.minReadySeconds`));
  const sel = spec.selector;
  if (!sel) errs.push(required(`${path}.selector`));
  else {
    errs.push(...validateLabelSelector(sel, `${path}.selector`));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      // Upstream's wording, shared with Deployment.
      errs.push(withGoValue(invalidValue(`${path}.selector`, undefined, 'empty selector is invalid for deployment'), goLabelSelector(sel)));
    }
  }
  const tpl = spec.template ?? {};
  const matches = labelSelectorMatches(sel, tpl.metadata?.labels);
  if (matches === undefined) {
    errs.push(withGoValue(invalidValue(`${path}.selector`, undefined, 'invalid label selector'), goLabelSelector(sel ?? {})));
    return errs;
  }
  const selectsEverything = sel !== undefined && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (!selectsEverything && !matches) {
    errs.push(withGoValue(invalidValue(`${path}.template.metadata.labels`, undefined, '`selector` does not match template `labels`'), goStringMap(tpl.metadata?.labels)));
  }
  errs.push(...validateRestartAlwaysTemplate(tpl, `${path}.template`, 'ReplicaSet'));
  return errs;
}

/** Strategy ValidateUpdate: the create rules, ValidateReplicaSetUpdate (which repeats the spec rules) and an immutable selector. */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = validateReplicaSet(rs);
  errs.push(...validateObjectMetaUpdate(rs.metadata ?? {}, old.metadata ?? {}));
  errs.push(...validateReplicaSetSpec(rs.spec ?? {} as ReplicaSetSpec, 'spec'));
  errs.push(...immutableField(rs.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector));
  return errs;
}

export function validateReplicaSetStatusUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = validateObjectMetaUpdate(rs.metadata ?? {}, old.metadata ?? {});
  const s: ReplicaSetStatus = rs.status ?? { replicas: 0 };
  const p = 'status';
  const replicas = s.replicas ?? 0;
  const [labeled, ready, available] = [s.fullyLabeledReplicas ?? 0, s.readyReplicas ?? 0, s.availableReplicas ?? 0];
  errs.push(...nonNegative(replicas, `${p}.replicas`), ...nonNegative(labeled, `${p}.fullyLabeledReplicas`));
  errs.push(...nonNegative(ready, `${p}.readyReplicas`), ...nonNegative(available, `${p}.availableReplicas`));
  errs.push(...nonNegative(s.observedGeneration ?? 0, `${p}.observedGeneration`));
  const msg = 'cannot be greater than status.replicas';
  if (labeled > replicas) errs.push(invalidValue(`${p}.fullyLabeledReplicas`, labeled, msg));
  if (ready > replicas) errs.push(invalidValue(`${p}.readyReplicas`, ready, msg));
  if (available > replicas) errs.push(invalidValue(`${p}.availableReplicas`, available, msg));
  if (available > ready) errs.push(invalidValue(`${p}.availableReplicas`, available, 'cannot be greater than readyReplicas'));
  return errs;
}
