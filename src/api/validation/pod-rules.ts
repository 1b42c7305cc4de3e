// Small rules PodSpec validation shares, with upstream's messages
// (apimachinery pkg/util/validation/validation.go; pkg/apis/core/validation/validation.go).
import { invalidValue, type FieldError } from '../errors.js';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, maxLenError, regexError } from './names.js';

export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** An IANA service name: at most 15 of [-a-z0-9], a letter, no '--', no hyphen at either end. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export const dns1123LabelField = (v: string, path: string): FieldError[] => isDNS1123Label(v).map((m) => invalidValue(path, v, m));
export const dns1123SubdomainField = (v: string, path: string): FieldError[] => isDNS1123Subdomain(v).map((m) => invalidValue(path, v, m));

export const fieldNotFound = (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, value });

/** '.', '..' and a leading '..' would escape a volume (hasChDirPrefix). */
export function hasChDirPrefix(v: string): string[] {
  if (v === '.') return ["must not be '.'"];
  if (v === '..') return ["must not be '..'"];
  if (v.startsWith('..')) return ["must not start with '..'"];
  return [];
}

export function isConfigMapKey(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(v)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errs, ...hasChDirPrefix(v)];
}

/** v1.33 has RelaxedEnvironmentVariableValidation on: any printable ASCII but '='. */
export function isRelaxedEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (v.length === 0) errs.push('environment variable name must be non-empty');
  if (/[^\x20-\x7e]|=/.test(v)) errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  return errs;
}

/** A relative path that stays inside its volume (validateLocalDescendingPath). */
export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalidValue(path, p, 'must be a relative path'));
  if (p.split('/').includes('..')) errs.push(invalidValue(path, p, "must not contain '..'"));
  return errs;
}
