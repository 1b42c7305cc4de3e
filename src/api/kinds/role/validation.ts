// RBAC validation shared by Role, ClusterRole, RoleBinding and ClusterRoleBinding
// (pkg/apis/rbac/validation/validation.go) and the Subject/RoleRef defaults (pkg/apis/rbac/v1/defaults.go).
import type { PolicyRule, RoleRef, Subject } from 'kubernetes-types/rbac/v1.js';
import { invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { validateLabelSelector } from '../../validation/labels.js';
import { isDNS1123Subdomain, isValidPathSegmentName, type NameValidator } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

const GROUP = 'rbac.authorization.k8s.io';
/** RBAC names need only be usable as a URL path segment (ValidateRBACName). */
const rbacName: NameValidator = (name) => isValidPathSegmentName(name);

export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!rule.verbs?.length) errs.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
  if (rule.nonResourceURLs?.length) {
    if (namespaced) errs.push(invalidValue(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errs.push(invalidValue(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (!rule.apiGroups?.length) errs.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!rule.resources?.length) errs.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

function validateRoleObject(obj: KObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, namespaced, rbacName);
  const rules = (obj.rules as PolicyRule[] | undefined) ?? [];
  rules.forEach((r, i) => errs.push(...validatePolicyRule(r, namespaced, `rules[${i}]`)));
  const agg = obj.aggregationRule as { clusterRoleSelectors?: Parameters<typeof validateLabelSelector>[0][] } | undefined;
  (agg?.clusterRoleSelectors ?? []).forEach((s, i) => errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  return errs;
}

function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.name) errs.push(required(`${path}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.name) errs.push(...isDNS1123Subdomain(s.name).map((m) => invalidValue(`${path}.name`, s.name, m)));
      if (s.apiGroup) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== GROUP) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [GROUP]));
      break;
    default:
      errs.push(notSupported(`${path}.kind`, s.kind, ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBindingObject(obj: KObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, namespaced, rbacName);
  const ref = (obj.roleRef as RoleRef | undefined) ?? { apiGroup: '', kind: '', name: '' };
  if (ref.apiGroup !== GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup, [GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref.kind, kinds));
  if (!ref.name) errs.push(required('roleRef.name'));
  else errs.push(...rbacName(ref.name, false).map((m) => invalidValue('roleRef.name', ref.name, m)));
  ((obj.subjects as Subject[] | undefined) ?? []).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

export const validateRole = (obj: KObject) => validateRoleObject(obj, true);
export const validateClusterRole = (obj: KObject) => validateRoleObject(obj, false);
export const validateRoleUpdate = (obj: KObject, old: KObject) => [...validateRole(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
export const validateClusterRoleUpdate = (obj: KObject, old: KObject) => [...validateClusterRole(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];

function roleRefUnchanged(obj: KObject, old: KObject): FieldError[] {
  const a = obj.roleRef as RoleRef | undefined;
  const b = old.roleRef as RoleRef | undefined;
  const same = a?.apiGroup === b?.apiGroup && a?.kind === b?.kind && a?.name === b?.name;
  return same ? [] : [invalidValue('roleRef', a, 'cannot change roleRef')];
}

export const validateRoleBinding = (obj: KObject) => validateBindingObject(obj, true);
export const validateClusterRoleBinding = (obj: KObject) => validateBindingObject(obj, false);
export const validateRoleBindingUpdate = (obj: KObject, old: KObject) =>
  [...validateRoleBinding(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata), ...roleRefUnchanged(obj, old)];
export const validateClusterRoleBindingUpdate = (obj: KObject, old: KObject) =>
  [...validateClusterRoleBinding(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata), ...roleRefUnchanged(obj, old)];

/** User and Group subjects default to the RBAC group; the roleRef's group too (SetDefaults_Subject, _RoleBinding). */
export function defaultBinding(obj: KObject): void {
  const ref = obj.roleRef as RoleRef | undefined;
  if (ref && !ref.apiGroup) ref.apiGroup = GROUP;
  for (const s of (obj.subjects as Subject[] | undefined) ?? []) {
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = GROUP;
  }
}
