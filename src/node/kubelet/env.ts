// A container's environment as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables):
// envFrom first (later sources and env override), then env in order, each value $(VAR)-expanded
// against what came before and the service variables, valueFrom resolved (ConfigMap/Secret keys,
// downward API fields, resource fields), then the service link variables (envvars.go FromServices)
// not already set. Errors are the CreateContainerConfigError messages the kubelet reports.
import type { ConfigMap, Container, EnvVar, Pod, Secret, Service } from 'kubernetes-types/core/v1.js';
import { CreateContainerConfigError } from './config-error.js';
import { expand, mappingFor } from './expansion.js';
import { resourceFieldValue } from './resource-field.js';

export interface EnvLookup {
  /** The ConfigMap, or throws a NotFound StatusError (code 404). */
  configMap(namespace: string, name: string): Promise<ConfigMap>;
  secret(namespace: string, name: string): Promise<Secret>;
}

export interface EnvFacts {
  podIPs: string[];
  hostIPs: string[];
  nodeName?: string;
  /** Node allocatable, the default for limits.* resource fields when the container sets none. */
  nodeAllocatable?: { cpu?: string; memory?: string; 'ephemeral-storage'?: string };
  /** The services the pod may see: default/kubernetes always, its namespace's when enableServiceLinks. */
  services?: Service[];
}


export function isNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; reason?: unknown } | null;
  return !!e && (e.code === 404 || e.reason === 'NotFound');
}

/** Fetches ConfigMaps and Secrets once per build, with the kubelet's NotFound wording (`configmap "x" not found`). */
export class ObjectCache {
  private readonly maps = new Map<string, Promise<ConfigMap>>();
  private readonly secrets = new Map<string, Promise<Secret>>();
  constructor(private readonly lookup: EnvLookup, private readonly namespace: string) {}

  /** undefined when missing and optional. */
  async configMap(name: string, optional: boolean): Promise<ConfigMap | undefined> {
    return this.get(this.maps, 'configmap', name, optional, () => this.lookup.configMap(this.namespace, name));
  }

  async secret(name: string, optional: boolean): Promise<Secret | undefined> {
    return this.get(this.secrets, 'secret', name, optional, () => this.lookup.secret(this.namespace, name));
  }

  private async get<T>(cache: Map<string, Promise<T>>, kind: string, name: string, optional: boolean, fetch: () => Promise<T>): Promise<T | undefined> {
    let p = cache.get(name);
    if (!p) cache.set(name, (p = fetch()));
    try {
      return await p;
    } catch (err) {
      if (isNotFound(err)) {
        if (optional) return undefined;
        throw new CreateContainerConfigError(`${kind} "${name}" not found`);
      }
      throw new CreateContainerConfigError(err instanceof Error ? err.message : String(err));
    }
  }
}

/** Secret data values decoded from base64. */
export function secretData(s: Secret): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

const envName = (s: string) => s.replace(/-/g, '_').toUpperCase();

/** Docker-link style variables for services (pkg/kubelet/envvars FromServices). */
export function serviceEnvVars(services: Service[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    const ports = svc.spec?.ports ?? [];
    if (!ip || ip === 'None' || ports.length === 0) continue;
    const prefix = envName(svc.metadata?.name ?? '');
    out.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    const host = ip.includes(':') ? `[${ip}]` : ip;
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const url = `${proto}://${host}:${p.port}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
    });
  }
  return out;
}

/** The services whose variables a pod gets (getServiceEnvVarMap): default/kubernetes always, its namespace's with enableServiceLinks. */
export function visibleServices(pod: Pod, services: Service[]): Service[] {
  const ns = pod.metadata?.namespace;
  const links = pod.spec?.enableServiceLinks !== false;
  const byName = new Map<string, Service>();
  for (const s of services) {
    const name = s.metadata?.name ?? '';
    if (s.metadata?.namespace === 'default' && name === 'kubernetes') {
      if (!byName.has(name)) byName.set(name, s);
    } else if (s.metadata?.namespace === ns && links) byName.set(name, s);
  }
  return [...byName.values()].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
}

/** A downward API field of the pod as a string (podFieldSelectorRuntimeValue / fieldpath.ExtractFieldPathAsString). */
export function podFieldValue(pod: Pod, fieldPath: string, facts: Pick<EnvFacts, 'podIPs' | 'hostIPs'>): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
    case 'metadata.labels': return formatMap(pod.metadata?.labels);
    case 'metadata.annotations': return formatMap(pod.metadata?.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'spec.terminationGracePeriodSeconds': return String(pod.spec?.terminationGracePeriodSeconds ?? 30);
    case 'status.hostIP': return facts.hostIPs[0] ?? '';
    case 'status.hostIPs': return facts.hostIPs.join(',');
    case 'status.podIP': return facts.podIPs[0] ?? '';
    case 'status.podIPs': return facts.podIPs.join(',');
  }
  throw new CreateContainerConfigError(`unsupported fieldPath: ${fieldPath}`);
}

/** `key="value"` lines in key order, Go-quoted, without a trailing newline (pkg/fieldpath FormatMap). */
export function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${goQuote(m![k]!)}`).join('\n');
}

/** Go's %q for a string (strconv.Quote): printable characters kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0x80 && cp < 0xa0) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** The pod's hostname: spec.hostname or its name, cut to 63 characters (GeneratePodHostNameAndDomain). */
export function podHostname(pod: Pod): string {
  const h = pod.spec?.hostname || pod.metadata?.name || '';
  return h.length <= 63 ? h : h.slice(0, 63).replace(/[-.]+$/, '');
}

async function envVarValue(pod: Pod, container: Container, e: EnvVar, objects: ObjectCache, facts: EnvFacts): Promise<string | undefined> {
  const ns = pod.metadata?.namespace ?? '';
  const from = e.valueFrom;
  if (!from) return '';
  if (from.fieldRef) return podFieldValue(pod, from.fieldRef.fieldPath, facts);
  if (from.resourceFieldRef) return resourceFieldValue(from.resourceFieldRef, pod, container, facts.nodeAllocatable);
  if (from.configMapKeyRef) {
    const { name = '', key, optional = false } = from.configMapKeyRef;
    const cm = await objects.configMap(name, optional);
    if (!cm) return undefined;
    const v = cm.data?.[key];
    if (v !== undefined) return v;
    if (optional) return undefined;
    throw new CreateContainerConfigError(`couldn't find key ${key} in ConfigMap ${ns}/${name}`);
  }
  if (from.secretKeyRef) {
    const { name = '', key, optional = false } = from.secretKeyRef;
    const s = await objects.secret(name, optional);
    if (!s) return undefined;
    const v = secretData(s)[key];
    if (v !== undefined) return v;
    if (optional) return undefined;
    throw new CreateContainerConfigError(`couldn't find key ${key} in Secret ${ns}/${name}`);
  }
  return '';
}

/** The environment the kubelet hands the runtime for container (without HOSTNAME and the image's env). */
export async function resolveEnv(pod: Pod, container: Container, lookup: EnvLookup, facts: EnvFacts): Promise<Array<[string, string]>> {
  const objects = new ObjectCache(lookup, pod.metadata?.namespace ?? '');
  const env = new Map<string, string>();
  for (const src of container.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    let data: Record<string, string> | undefined;
    if (src.configMapRef) data = (await objects.configMap(src.configMapRef.name ?? '', src.configMapRef.optional ?? false))?.data ?? undefined;
    else if (src.secretRef) {
      const s = await objects.secret(src.secretRef.name ?? '', src.secretRef.optional ?? false);
      data = s && secretData(s);
    }
    for (const k of Object.keys(data ?? {}).sort()) env.set(prefix + k, data![k]!);
  }
  const serviceEnv = new Map(serviceEnvVars(visibleServices(pod, facts.services ?? [])));
  const mapping = mappingFor(env, serviceEnv);
  for (const e of container.env ?? []) {
    const v = e.value ? expand(e.value, mapping) : await envVarValue(pod, container, e, objects, facts);
    if (v !== undefined) env.set(e.name, v);
  }
  for (const [k, v] of serviceEnv) if (!env.has(k)) env.set(k, v);
  return [...env];
}

/**
 * The process environment as a CRI runtime assembles it: HOSTNAME, then the image's env, then the
 * kubelet's, a repeated name replacing the earlier value in place.
 */
export function processEnv(hostname: string, imageEnv: ReadonlyArray<readonly [string, string]>, kubeletEnv: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const out = new Map<string, string>([['HOSTNAME', hostname]]);
  for (const [k, v] of [...imageEnv, ...kubeletEnv]) out.set(k, v);
  return [...out];
}
