// Service validation, the rules kubelite's services exercise (pkg/apis/core/validation/validation.go
// ValidateService, validateServicePort, ValidateServiceUpdate).
import type { ServicePort } from 'kubernetes-types/core/v1.js';
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { validateLabels } from '../../validation/labels.js';
import { isDNS1123Subdomain, nameIsDNS1035Label } from '../../validation/names.js';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { dns1123LabelField, isValidPortNum } from '../../validation/pod-rules.js';
import { validatePortNumOrName } from '../../validation/probes.js';
import type { ServiceObject } from './defaults.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validatePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(`${path}.name`));
  else if (sp.name) {
    errs.push(...dns1123LabelField(sp.name, `${path}.name`));
    if (names.has(sp.name)) errs.push(duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port).map((m) => invalidValue(`${path}.port`, sp.port, m)));
  if (!sp.protocol) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(`${path}.protocol`, sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, `${path}.targetPort`));
  return errs;
}

export function validateService(obj: KObject): FieldError[] {
  const svc = obj as ServiceObject;
  const spec = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const type = spec.type ?? '';
  const headless = spec.clusterIP === 'None';
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'));
    else errs.push(...isDNS1123Subdomain(spec.externalName.replace(/\.$/, '')).map((m) => invalidValue('spec.externalName', spec.externalName, m)));
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validatePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = spec.sessionAffinity ?? '';
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (!type) errs.push(required('spec.type'));
  else if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => { if (p.nodePort) errs.push(forbiddenField(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")); });
  }
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, `${p.port}/${p.protocol}`));
    seen.add(key);
  });
  return errs;
}

export function validateServiceUpdate(obj: KObject, oldObj: KObject): FieldError[] {
  const spec = (obj as ServiceObject).spec ?? {};
  const old = (oldObj as ServiceObject).spec ?? {};
  const errs = validateObjectMetaUpdate(obj.metadata, oldObj.metadata);
  // A cluster IP, once allocated, stays while the service keeps needing one.
  if (spec.type !== 'ExternalName' && old.type !== 'ExternalName' && old.clusterIP) {
    errs.push(...validateImmutableField(spec.clusterIP, old.clusterIP, 'spec.clusterIP'));
  }
  return [...errs, ...validateService(obj)];
}
