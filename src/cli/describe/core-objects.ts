// describe.go's describers for the plain core kinds: Namespace (quota and limit-range sections only
// when the server serves them), Service, ServiceAccount, Secret and ConfigMap. Go iterates the
// Secret and ConfigMap data maps in random order; kubelite prints them sorted.
import type { ConfigMap, Event, Namespace, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1.js';
import { formatLabels } from '../../api/meta/label-selector.js';
import { LEVEL_0, LEVEL_1, tabbed } from './prefix-writer.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './sections.js';
import { rfc1123z } from './time-format.js';

export function describeNamespace(ns: Namespace): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if (ns.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status.conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.lastTransitionTime ? rfc1123z(c.lastTransitionTime) : 'Mon, 01 Jan 0001 00:00:00 +0000'}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
  });
}

export function describeService(svc: Service, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const proto = p.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${proto}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
      // kubelite serves no EndpointSlices: kubectl's list finds none and prints <none>.
      w.write(LEVEL_0, 'Endpoints:\t<none>\n');
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    describeEvents(w, events, now);
  });
}

/** secrets: the namespace's Secrets, or undefined when they could not be listed (no "(not found)" marks then). */
export function describeServiceAccount(sa: ServiceAccount, secrets: readonly Secret[] | undefined, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const tokens = (secrets ?? []).filter((s) => s.type === 'kubernetes.io/service-account-token'
      && s.metadata?.annotations?.['kubernetes.io/service-account.name'] === sa.metadata?.name
      && s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata?.uid).map((s) => s.metadata?.name ?? '');
    const existing = new Set((secrets ?? []).map((s) => s.metadata?.name));
    const missing = (name: string) => secrets !== undefined && !existing.has(name);
    // The three headers print in sorted order, padded to one width as upstream writes them.
    const sections: Array<[string, string[]]> = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of sections) {
      if (!names.length) { w.write(LEVEL_0, `${header}\t<none>\n`); continue; }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${header !== 'Tokens:            ' && missing(name) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    describeEvents(w, events, now);
  });
}

export function describeSecret(secret: Secret): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(secret.data ?? {})) {
      const bytes = Buffer.from(secret.data![k]!, 'base64');
      w.write(LEVEL_0, k === 'token' && secret.type === 'kubernetes.io/service-account-token' ? `${k}:\t${bytes.toString('utf8')}\n` : `${k}:\t${bytes.length} bytes\n`);
    }
  });
}

export function describeConfigMap(cm: ConfigMap, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(cm.data ?? {})) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(cm.binaryData ?? {})) w.write(LEVEL_0, `${k}: ${Buffer.from(cm.binaryData![k]!, 'base64').length} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(w, events, now);
  });
}
