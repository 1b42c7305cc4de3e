// Builders for scheduler tests.
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1.js';
import type { PodFacts } from './filters/types.js';
import { NodeInfo, podOnNode } from './node-info.js';

export interface NodeOpts {
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  ready?: 'True' | 'False' | 'Unknown';
  cpu?: string;
  memory?: string;
  pods?: string;
}

export function nodeObject(name: string, o: NodeOpts = {}): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? '2', memory: o.memory ?? '4Gi', pods: o.pods ?? '110' },
      capacity: { cpu: o.cpu ?? '2', memory: o.memory ?? '4Gi', pods: o.pods ?? '110' },
      conditions: [{ type: 'Ready', status: o.ready ?? 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
}

export function nodeInfo(name: string, o: NodeOpts = {}, bound: Pod[] = []): NodeInfo {
  const info = new NodeInfo(name);
  info.setNode(nodeObject(name, o));
  bound.forEach((p, i) => info.addPod(`default/bound-${i}`, podOnNode(p)));
  return info;
}

export function podObject(name: string, spec: Partial<NonNullable<Pod['spec']>> = {}, meta: Partial<NonNullable<Pod['metadata']>> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ...meta },
    spec: { containers: [{ name: 'main', image: 'luksa/kubia' }], schedulerName: 'default-scheduler', ...spec },
  };
}

export const requesting = (cpu?: string, memory?: string): Partial<NonNullable<Pod['spec']>> => ({
  containers: [{ name: 'main', image: 'x', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } }],
});

export const facts = (pod: Pod): PodFacts => ({ pod, counted: podOnNode(pod) });
