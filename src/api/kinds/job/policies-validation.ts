// podFailurePolicy, successPolicy and podReplacementPolicy rules of a JobSpec
// (pkg/apis/batch/validation/validation.go validatePodFailurePolicy, validateSuccessPolicy, validatePodReplacementPolicy).
import type { JobSpec, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern, PodFailurePolicyRule, SuccessPolicyRule } from 'kubernetes-types/batch/v1.js';
import { duplicate, invalidValue, notSupported, required, tooLong, type FieldError } from '../../errors.js';
import { isQualifiedName } from '../../validation/labels.js';
import { withGoValue } from '../../validation/go-value.js';
import { nonNegative } from '../../validation/field-rules.js';

const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS = 20;
const MAX_SUCCESS_POLICY_RULES = 20;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_INT64 = 2n ** 63n - 1n;

// Sorted, as sets.List returns them.
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** Go's %q of a []string: `["a" "b"]`. */
const goQuotedList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
const goInt32s = (xs: number[] | undefined) => (xs ? `[]int32{${xs.join(', ')}}` : '[]int32(nil)');

/** field.TooMany prints the actual count before the limit. */
const tooMany = (field: string, actual: number, max: number): FieldError => ({ type: 'FieldValueTooMany', field, detail: `${actual}: must have at most ${max} items` });

export function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.podFailurePolicy?.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push(tooMany(`${path}.rules`, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const tplSpec = spec.template?.spec;
  const containerNames = new Set([...(tplSpec?.containers ?? []), ...(tplSpec?.initContainers ?? [])].map((c) => c.name));
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, `${path}.rules[${i}]`, containerNames)));
  return errs;
}

function validateRule(spec: JobSpec, rule: PodFailurePolicyRule, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const actionPath = `${path}.action`;
  if (!rule.action) errs.push(required(actionPath, `valid values: ${goQuotedList(ACTIONS)}`));
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined) errs.push(invalidValue(actionPath, rule.action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!ACTIONS.includes(rule.action)) errs.push(notSupported(actionPath, rule.action, ACTIONS));
  const patterns = rule.onPodConditions ?? [];
  if (rule.onExitCodes) errs.push(...validateOnExitCodes(rule.onExitCodes, `${path}.onExitCodes`, containerNames));
  if (patterns.length > 0) errs.push(...validateOnPodConditions(patterns, `${path}.onPodConditions`));
  if (rule.onExitCodes && patterns.length > 0) errs.push(invalidValue(path, undefined, 'specifying both OnExitCodes and OnPodConditions is not supported'));
  if (!rule.onExitCodes && patterns.length === 0) errs.push(invalidValue(path, undefined, 'specifying one of OnExitCodes and OnPodConditions is required'));
  return errs;
}

function validateOnPodConditions(patterns: PodFailurePolicyOnPodConditionsPattern[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (patterns.length > MAX_ON_POD_CONDITIONS_PATTERNS) errs.push(tooMany(path, patterns.length, MAX_ON_POD_CONDITIONS_PATTERNS));
  patterns.forEach((p, j) => {
    errs.push(...isQualifiedName(p.type ?? '').map((m) => invalidValue(`${path}[${j}].type`, p.type ?? '', m)));
    const statusPath = `${path}[${j}].status`;
    if (!p.status) errs.push(required(statusPath, `valid values: ${goQuotedList(CONDITION_STATUSES)}`));
    else if (!CONDITION_STATUSES.includes(p.status)) errs.push(notSupported(statusPath, p.status, CONDITION_STATUSES));
  });
  return errs;
}

function validateOnExitCodes(req: PodFailurePolicyOnExitCodesRequirement, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const opPath = `${path}.operator`;
  if (!req.operator) errs.push(required(opPath, `valid values: ${goQuotedList(OPERATORS)}`));
  else if (!OPERATORS.includes(req.operator)) errs.push(notSupported(opPath, req.operator, OPERATORS));
  if (req.containerName !== undefined && !containerNames.has(req.containerName)) {
    errs.push(invalidValue(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const valuesPath = `${path}.values`;
  const values = req.values ?? [];
  if (values.length === 0) errs.push(withGoValue(invalidValue(valuesPath, undefined, 'at least one value is required'), goInt32s(req.values)));
  else if (values.length > MAX_ON_EXIT_CODES_VALUES) errs.push(tooMany(valuesPath, values.length, MAX_ON_EXIT_CODES_VALUES));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(invalidValue(`${valuesPath}[${j}]`, v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(`${valuesPath}[${j}]`, v));
    else seen.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered) errs.push(withGoValue(invalidValue(valuesPath, undefined, 'must be ordered'), goInt32s(values)));
  return errs;
}

export function validateSuccessPolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.successPolicy?.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length === 0) errs.push(required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errs.push(tooMany(`${path}.rules`, rules.length, MAX_SUCCESS_POLICY_RULES));
  // Indexed mode without completions is reported elsewhere; upstream would dereference nil here.
  if (spec.completions === undefined) return errs;
  rules.forEach((rule, i) => errs.push(...validateSuccessRule(rule, spec.completions as number, `${path}.rules[${i}]`)));
  return errs;
}

function validateSuccessRule(rule: SuccessPolicyRule, completions: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
    errs.push(required(path, 'at least one of succeededCount or succeededIndexes must be specified'));
  }
  let total = 0;
  if (rule.succeededIndexes !== undefined) {
    const p = `${path}.succeededIndexes`;
    if (rule.succeededIndexes.length > MAX_SUCCEEDED_INDEXES_LENGTH) errs.push(tooLong(p, undefined, MAX_SUCCEEDED_INDEXES_LENGTH));
    const parsed = indexesTotal(rule.succeededIndexes, completions);
    if (typeof parsed === 'string') errs.push(invalidValue(p, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed}`));
    else total = parsed;
  }
  if (rule.succeededCount !== undefined) {
    const p = `${path}.succeededCount`;
    errs.push(...nonNegative(rule.succeededCount, p));
    if (rule.succeededCount > completions) {
      errs.push(invalidValue(p, rule.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
    }
    if (rule.succeededIndexes !== undefined && rule.succeededCount > total) {
      errs.push(invalidValue(p, rule.succeededCount, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
    }
  }
  return errs;
}

/** validateIndexesFormat: the number of indexes in "1,3-5", or the parse error. */
export function indexesTotal(s: string, completions: number): number | string {
  if (s.length === 0) return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of s.split(',')) {
    const r = parseInterval(interval, completions);
    if (typeof r === 'string') return r;
    if (last !== undefined && last >= r[0]) return `non-increasing order, previous: ${last}, current: ${r[0]}`;
    total += r[1] - r[0] + 1;
    last = r[1];
  }
  return total;
}

function parseInterval(s: string, completions: number): [number, number] | string {
  const parts = s.split('-');
  if (parts.length > 2) return `the fragment ${JSON.stringify(s)} violates the requirement that an index interval can have at most two parts separated by '-'`;
  const nums: number[] = [];
  for (const part of parts) {
    // strconv.Atoi: a sign and decimal digits that fit in an int64.
    if (!/^[+-]?\d+$/.test(part) || BigInt(part) > MAX_INT64 || BigInt(part) < -MAX_INT64 - 1n) {
      return `cannot convert string to integer for index: ${JSON.stringify(part)}`;
    }
    const n = Number(part);
    if (n >= completions) return `too large index: ${JSON.stringify(part)}`;
    nums.push(n);
  }
  if (nums.length === 2 && nums[0] >= nums[1]) return `non-increasing order, previous: ${nums[0]}, current: ${nums[1]}`;
  return [nums[0], nums[nums.length - 1]];
}

/**
 * validateFailedIndexesNotOverlapCompleted: the first index both lists name, walking their intervals in
 * step; an interval that does not parse is stepped over (its format error is reported on its own).
 */
export function failedIndexesOverlapCompleted(completed: string, failed: string, completions: number): string | undefined {
  if (completed.length === 0 || failed.length === 0) return undefined;
  const cs = completed.split(',');
  const fs = failed.split(',');
  let ci = 0;
  let fi = 0;
  let c = parseInterval(cs[ci], completions);
  let f = parseInterval(fs[fi], completions);
  const nextC = () => { ci++; if (ci < cs.length) c = parseInterval(cs[ci], completions); };
  const nextF = () => { fi++; if (fi < fs.length) f = parseInterval(fs[fi], completions); };
  while (ci < cs.length && fi < fs.length) {
    if (typeof c === 'string') nextC();
    else if (typeof f === 'string') nextF();
    else if (c[0] <= f[1] && f[0] <= c[1]) return `failedIndexes and completedIndexes overlap at index: ${Math.max(c[0], f[0])}`;
    else if (c[0] <= f[0]) nextC();
    else nextF();
  }
  return undefined;
}

export function validatePodReplacementPolicy(spec: JobSpec, path: string): FieldError[] {
  const v = spec.podReplacementPolicy;
  if (v === undefined) return [];
  if (spec.podFailurePolicy) return v === 'Failed' ? [] : [notSupported(path, v, ['Failed'])];
  return ['Failed', 'TerminatingOrFailed'].includes(v) ? [] : [notSupported(path, v, ['Failed', 'TerminatingOrFailed'])];
}
