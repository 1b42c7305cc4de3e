// Container validation, as pkg/apis/core/validation/validation.go (validateContainers,
// validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateVolumeMounts).
import type { Container, ContainerPort, VolumeMount } from 'kubernetes-types/core/v1.js';
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from '../errors.js';
import { validateEnv, validateEnvFrom } from './env.js';
import { dns1123LabelField, fieldNotFound, isValidPortName, isValidPortNum, validateLocalDescendingPath } from './pod-rules.js';
import { validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe } from './probes.js';
import { validateResourceRequirements } from './resources.js';

export interface PodContext {
  /** Names of the pod's valid volumes. */
  volumes: Set<string>;
  gracePeriod: number | undefined;
}

function validatePorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalidValue(`${p}.name`, port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => invalidValue(`${p}.containerPort`, port.containerPort, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalidValue(`${p}.hostPort`, port.hostPort, m)));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

function validateVolumeMounts(mounts: VolumeMount[] | undefined, ctx: PodContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`));
    if (!ctx.volumes.has(m.name)) errs.push(fieldNotFound(`${p}.name`, m.name));
    if (!m.mountPath) errs.push(required(`${p}.mountPath`));
    if (mountPoints.has(m.mountPath)) errs.push(invalidValue(`${p}.mountPath`, m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
    // Upstream reports these two under the list path, not the index.
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, `${path}.subPath`));
    if (m.subPathExpr) {
      if (m.subPath) errs.push(invalidValue(`${p}.subPathExpr`, m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(m.subPathExpr, `${path}.subPathExpr`));
    }
    if (m.mountPropagation && !['Bidirectional', 'HostToContainer', 'None'].includes(m.mountPropagation)) {
      errs.push(notSupported(`${path}.mountPropagation`, m.mountPropagation, ['Bidirectional', 'HostToContainer', 'None']));
    }
  });
  return errs;
}

function validateContainerCommon(c: Container, ctx: PodContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...dns1123LabelField(c.name, `${path}.name`));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateVolumeMounts(c.volumeMounts, ctx, `${path}.volumeMounts`));
  const pull = c.imagePullPolicy;
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

/** Host ports must not collide (AccumulateUniqueHostPorts); `path` is the container list's. */
function hostPortConflicts(containers: Container[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => (c.ports ?? []).forEach((port, pi) => {
    if (!port.hostPort) return;
    const key = `${port.hostIP ?? ''}/${port.protocol ?? ''}/${port.hostPort}`;
    if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
    else seen.add(key);
  }));
  return errs;
}

function probesAndLifecycle(c: Container, ctx: PodContext, path: string): FieldError[] {
  return [
    ...(c.lifecycle ? validateLifecycle(c.lifecycle, ctx.gracePeriod, `${path}.lifecycle`) : []),
    ...validateLivenessProbe(c.livenessProbe, ctx.gracePeriod, `${path}.livenessProbe`),
    ...validateReadinessProbe(c.readinessProbe, ctx.gracePeriod, `${path}.readinessProbe`),
    ...validateStartupProbe(c.startupProbe, ctx.gracePeriod, `${path}.startupProbe`),
  ];
}

export function validateContainers(containers: Container[] | undefined, ctx: PodContext, path: string): FieldError[] {
  if (!containers?.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, ctx, p));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    errs.push(...probesAndLifecycle(c, ctx, p));
    if (c.restartPolicy !== undefined) errs.push(forbiddenField(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

const INIT_ONLY_WITH_ALWAYS = 'may not be set for init containers without restartPolicy=Always';

export function validateInitContainers(inits: Container[] | undefined, regular: Container[] | undefined, ctx: PodContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, ctx, p));
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else if (c.name) names.add(c.name);
    // Init containers run one at a time, so each is checked alone (upstream reports index 0).
    errs.push(...hostPortConflicts([c], path));
    if (c.restartPolicy === 'Always') {
      errs.push(...probesAndLifecycle(c, ctx, p));
    } else {
      if (c.lifecycle) errs.push(forbiddenField(`${p}.lifecycle`, INIT_ONLY_WITH_ALWAYS));
      if (c.livenessProbe) errs.push(forbiddenField(`${p}.livenessProbe`, INIT_ONLY_WITH_ALWAYS));
      if (c.readinessProbe) errs.push(forbiddenField(`${p}.readinessProbe`, 'may not be set for init containers'));
      if (c.startupProbe) errs.push(forbiddenField(`${p}.startupProbe`, INIT_ONLY_WITH_ALWAYS));
    }
  });
  return errs;
}
