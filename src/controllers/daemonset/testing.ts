// Builders for the DaemonSet controller's tests: nodes, DaemonSets and their pods.
import type { DaemonSetSpec } from 'kubernetes-types/apps/v1.js';
import type { Taint } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';
import type { DaemonSetObject } from './daemon-control.js';
import type { NodeObject, PodObject } from './controller.js';

export const T0 = Date.parse('2026-11-24T10:30:00Z');
export const DS_UID = 'ds-uid';
export const at = (sec: number) => rfc3339(T0 + sec * 1000);

export function node(name: string, o: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean } = {}): NodeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: `node-${name}`, resourceVersion: '1', labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export interface DsOpts {
  nodeSelector?: Record<string, string>; strategy?: DaemonSetSpec['updateStrategy']; minReadySeconds?: number;
  generation?: number; templateGeneration?: number; image?: string; observedGeneration?: number; historyLimit?: number;
}

export function daemonSet(o: DsOpts = {}): DaemonSetObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'ssd-monitor', namespace: 'default', uid: DS_UID, generation: o.generation ?? 1, resourceVersion: '5',
      annotations: { 'deprecated.daemonset.template.generation': String(o.templateGeneration ?? 1) } },
    spec: {
      selector: { matchLabels: { app: 'ssd-monitor' } },
      template: { metadata: { labels: { app: 'ssd-monitor' } }, spec: { ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}), containers: [{ name: 'main', image: o.image ?? 'luksa/ssd-monitor' }] } },
      updateStrategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: o.historyLimit ?? 10,
      ...(o.minReadySeconds ? { minReadySeconds: o.minReadySeconds } : {}),
    },
    status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, ...(o.observedGeneration ? { observedGeneration: o.observedGeneration } : {}) },
  };
}

export interface PodOpts { hash?: string; phase?: string; readySince?: number; created?: number; deleting?: boolean; pending?: boolean; owner?: string | null; labels?: Record<string, string> }

/** A daemon pod on `nodeName` (bound, or pending with the node affinity when `pending`). */
export function daemonPod(name: string, nodeName: string, o: PodOpts = {}): PodObject {
  const owner = o.owner === undefined ? DS_UID : o.owner;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: at(o.created ?? 0),
      labels: o.labels ?? { app: 'ssd-monitor', 'controller-revision-hash': o.hash ?? 'h1', 'pod-template-generation': o.hash === 'h0' ? '0' : '1' },
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: owner, controller: true, blockOwnerDeletion: true }] } : {}),
      ...(o.deleting ? { deletionTimestamp: at(0) } : {}),
    },
    spec: {
      containers: [{ name: 'main', image: 'luksa/ssd-monitor' }],
      ...(o.pending ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } } } : { nodeName }),
    },
    status: { phase: o.phase ?? 'Running', conditions: o.readySince === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: at(o.readySince) }] },
  };
}

export const readyPod = (name: string, nodeName: string, o: PodOpts = {}) => daemonPod(name, nodeName, { readySince: -60, ...o });
