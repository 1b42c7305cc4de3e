// PodSpec defaults, as pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, _Container, _Probe, _Volume, ...),
// plus what the v1 <-> internal conversion adds (serviceAccount mirrors serviceAccountName).
import type {
  Container, ContainerPort, EphemeralContainer, HTTPGetAction, LifecycleHandler, Pod, PodSpec, PodTemplateSpec, Probe, Volume,
} from 'kubernetes-types/core/v1.js';
import type { Mutable } from '../object.js';

/** As upstream v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** 0644, the mode upstream gives secret, configMap, downwardAPI and projected volumes. */
const DEFAULT_VOLUME_MODE = 0o644;
const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;

/**
 * The tag part of an image reference, or 'latest' when there is neither tag nor digest
 * (pkg/util/parsers ParseImageName). A tag is the ':' suffix of the last path component.
 */
export function imageTag(image: string): string {
  const [nameAndTag, digest] = image.split('@', 2);
  const lastSlash = nameAndTag!.lastIndexOf('/');
  const colon = nameAndTag!.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? '' : nameAndTag!.slice(colon + 1);
  return !tag && !digest ? 'latest' : tag;
}

function defaultHTTPGet(h: HTTPGetAction | undefined): void {
  if (!h) return;
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

function defaultHandler(h: LifecycleHandler | undefined): void {
  defaultHTTPGet(h?.httpGet);
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHTTPGet(p.httpGet);
}

function defaultPorts(ports: ContainerPort[] | undefined, hostNetwork: boolean): void {
  for (const port of ports ?? []) {
    port.protocol ||= 'TCP';
    // With host networking the container port is the host port (defaultHostNetworkPorts).
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
}

function defaultContainer(c: Container | EphemeralContainer, hostNetwork: boolean): void {
  c.imagePullPolicy ||= imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  // Go always serializes the (non-pointer) resources struct, so clients see `resources: {}`.
  c.resources ??= {};
  defaultPorts(c.ports, hostNetwork);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= 'v1';
  }
}

function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= DEFAULT_TOKEN_EXPIRATION_SECONDS;
      for (const item of s.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
    }
  }
}

/** Defaults shared by pods and pod templates; mutates `spec`. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.schedulerName ||= 'default-scheduler';
  // v1's deprecated serviceAccount and serviceAccountName are one internal field (conversion).
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c, false);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

export function defaultPodTemplateSpec(tpl: PodTemplateSpec): void {
  (tpl as Mutable<PodTemplateSpec>).spec ??= { containers: [] };
  defaultPodSpec(tpl.spec!);
}

/** Pod-only defaults (SetDefaults_Pod): requests default to limits; service links are on. */
export function defaultPod(pod: Pod): void {
  const spec = ((pod as Mutable<Pod>).spec ??= { containers: [] });
  defaultPodSpec(spec);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
  }
  spec.enableServiceLinks ??= true;
}
