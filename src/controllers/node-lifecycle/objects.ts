// What the node lifecycle, taint eviction and pod GC controllers share: the objects they read as
// typed views of KObject, the pods-by-node index, and the event sink they write to.
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';

export type NodeObject = KObject & Node;
export type PodObject = KObject & Pod;
export type LeaseObject = KObject & { spec?: { renewTime?: string } };

export interface Recorder { event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void }

/** The pod informer's index of pods by spec.nodeName. */
export const PODS_BY_NODE = 'spec.nodeName';
