// apps/v1 DaemonSet validation (pkg/apis/apps/validation/validation.go ValidateDaemonSet, ValidateDaemonSetSpec,
// ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet, ValidateDaemonSetStatusUpdate) plus the
// strategy's selector immutability.
import type { DaemonSet, DaemonSetSpec, DaemonSetStatus, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1.js';
import { invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import { validateLabelSelector } from '../../validation/labels.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { nameIsDNSSubdomain, regexError } from '../../validation/names.js';
import { goIntOrString, goLabelSelector, goStringMap, goStruct, withGoValue } from '../../validation/go-value.js';
import { immutableField, nonNegative } from '../../validation/field-rules.js';
import { labelSelectorMatches } from '../../meta/label-selector.js';
import { validateRestartAlwaysTemplate } from '../replica-set/template-rules.js';

type IntOrString = number | string | undefined;

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const errs = validateObjectMeta(ds.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validateDaemonSetSpec(ds.spec ?? {} as DaemonSetSpec, 'spec'));
  return errs;
}

function validateDaemonSetSpec(spec: DaemonSetSpec, path: string): FieldError[] {
  const errs = validateLabelSelector(spec.selector, `${path}.selector`);
  const tpl = spec.template ?? {};
  if (labelSelectorMatches(spec.selector, tpl.metadata?.labels) === false) {
    errs.push(withGoValue(invalidValue(`${path}.template.metadata.labels`, undefined, '`selector` does not match template `labels`'), goStringMap(tpl.metadata?.labels)));
  }
  const sel = spec.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(withGoValue(invalidValue(`${path}.selector`, undefined, 'empty selector is invalid for daemonset'), goLabelSelector(sel)));
  }
  errs.push(...validateRestartAlwaysTemplate(tpl, `${path}.template`, 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds ?? 0, `${path}.minReadySeconds`));
  errs.push(...validateUpdateStrategy(spec.updateStrategy ?? {}, `${path}.updateStrategy`));
  errs.push(...nonNegative(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  return errs;
}

function validateUpdateStrategy(s: DaemonSetUpdateStrategy, path: string): FieldError[] {
  switch (s.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!s.rollingUpdate) return [required(`${path}.rollingUpdate`)];
      return validateRollingUpdate(s.rollingUpdate.maxUnavailable, s.rollingUpdate.maxSurge, `${path}.rollingUpdate`);
    default: {
      const err = notSupported(path, undefined, ['RollingUpdate', 'OnDelete']);
      return [withGoValue(err, goStruct('apps.DaemonSetUpdateStrategy', s))];
    }
  }
}

const PERCENT_FMT = '[0-9]+%';
const percentError = regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%');
const isPercent = (v: string) => /^[0-9]+%$/.test(v);
/** getIntOrPercentValue: a percent's number, an int, or a string's Atoi (0 when it is none). */
const intOrPercentValue = (v: IntOrString) => (typeof v === 'number' ? v : typeof v === 'string' ? (/^[+-]?\d+%?$/.test(v) ? parseInt(v, 10) : 0) : 0);

function validateRollingUpdate(maxUnavailable: IntOrString, maxSurge: IntOrString, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...positiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`));
  errs.push(...positiveIntOrPercent(maxSurge, `${path}.maxSurge`));
  errs.push(...notMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`));
  errs.push(...notMoreThan100Percent(maxSurge, `${path}.maxSurge`));
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(withGoValue(invalidValue(`${path}.maxSurge`, undefined, 'may not be set when maxUnavailable is non-zero'), goIntOrString(maxSurge)));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

function positiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === 'string') return isPercent(v) ? [] : [withGoValue(invalidValue(path, undefined, percentError), goIntOrString(v))];
  return nonNegative(v ?? 0, path);
}

function notMoreThan100Percent(v: IntOrString, path: string): FieldError[] {
  if (typeof v !== 'string' || !isPercent(v) || parseInt(v, 10) <= 100) return [];
  return [withGoValue(invalidValue(path, undefined, 'must not be greater than 100%'), goIntOrString(v))];
}

/** Strategy ValidateUpdate: the create rules, ValidateDaemonSetUpdate (which repeats the spec rules) and an immutable selector. */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const errs = validateDaemonSet(ds);
  errs.push(...validateObjectMetaUpdate(ds.metadata ?? {}, old.metadata ?? {}));
  errs.push(...validateDaemonSetSpec(ds.spec ?? {} as DaemonSetSpec, 'spec'));
  errs.push(...immutableField(ds.spec?.selector, old.spec?.selector, 'spec.selector', goLabelSelector));
  return errs;
}

export function validateDaemonSetStatusUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const errs = validateObjectMetaUpdate(ds.metadata ?? {}, old.metadata ?? {});
  const s: Partial<DaemonSetStatus> = ds.status ?? {};
  const counts = ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration',
    'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const;
  for (const k of counts) errs.push(...nonNegative(s[k] ?? 0, `status.${k}`));
  errs.push(...nonNegative(s.collisionCount, 'status.collisionCount'));
  const oldCount = old.status?.collisionCount;
  if (oldCount !== undefined && (s.collisionCount ?? 0) < oldCount) {
    errs.push(invalidValue('status.collisionCount', s.collisionCount ?? 0, 'cannot be decremented'));
  }
  return errs;
}
