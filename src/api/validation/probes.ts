// Probe and lifecycle handler validation, as pkg/apis/core/validation/validation.go
// (validateProbe, validateHandler, validateHTTPGetAction, validateSleepAction, validateLifecycle).
import type { HTTPGetAction, Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from '../errors.js';
import { nonNegative } from './field-rules.js';
import { isValidPortName, isValidPortNum } from './pod-rules.js';

const HTTP_HEADER_NAME_RE = /^[-A-Za-z0-9]+$/;
const HTTP_HEADER_NAME_MSG = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

/** A port given as a number or an IANA service name (ValidatePortNumOrName). */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalidValue(path, port, m));
  return isValidPortName(port ?? '').map((m) => invalidValue(path, port ?? '', m));
}

function validateHTTPGet(h: HTTPGetAction, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!h.path) errs.push(required(`${path}.path`));
  errs.push(...validatePortNumOrName(h.port, `${path}.port`));
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(notSupported(`${path}.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of h.httpHeaders ?? []) {
    if (!HTTP_HEADER_NAME_RE.test(header.name)) errs.push(invalidValue(`${path}.httpHeaders`, header.name, HTTP_HEADER_NAME_MSG));
  }
  return errs;
}

type Handler = Probe & LifecycleHandler;

function validateHandler(h: Handler, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const one = (key: string, check: () => FieldError[]) => {
    if (count > 0) errs.push(forbiddenField(`${path}.${key}`, 'may not specify more than 1 handler type'));
    else { count++; errs.push(...check()); }
  };
  if (h.exec) one('exec', () => (h.exec!.command?.length ? [] : [required(`${path}.exec.command`)]));
  if (h.httpGet) one('httpGet', () => validateHTTPGet(h.httpGet!, `${path}.httpGet`));
  if (h.tcpSocket) one('tcpSocket', () => validatePortNumOrName(h.tcpSocket!.port, `${path}.tcpSocket.port`));
  if (h.grpc) one('grpc', () => isValidPortNum(h.grpc!.port).map((m) => invalidValue(`${path}.grpc.port`, h.grpc!.port, m)));
  if (h.sleep) {
    one('sleep', () => {
      const s = h.sleep!.seconds;
      // PodLifecycleSleepActionAllowZero is on in v1.33, so zero seconds is allowed.
      if (gracePeriod !== undefined && (s < 0 || s > gracePeriod)) {
        return [invalidValue(`${path}.sleep.seconds`, s, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)];
      }
      return [];
    });
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: Probe, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(p, gracePeriod, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(p[f], `${path}.${f}`));
  }
  const tgp = p.terminationGracePeriodSeconds;
  if (tgp !== undefined && tgp <= 0) errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, tgp, 'must be greater than 0'));
  return errs;
}

/** Liveness and startup probes: successThreshold must be 1. */
export function validateLivenessProbe(p: Probe | undefined, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs = validateProbe(p, gracePeriod, path);
  if ((p.successThreshold ?? 0) !== 1) errs.push(invalidValue(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
  return errs;
}
export const validateStartupProbe = validateLivenessProbe;

export function validateReadinessProbe(p: Probe | undefined, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs = validateProbe(p, gracePeriod, path);
  if (p.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

export function validateLifecycle(l: Lifecycle, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (l.postStart) errs.push(...validateHandler(l.postStart, gracePeriod, `${path}.postStart`));
  if (l.preStop) errs.push(...validateHandler(l.preStop, gracePeriod, `${path}.preStop`));
  return errs;
}
