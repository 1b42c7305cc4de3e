// The update strategy's numbers (daemonset_util.go SurgeCount, UnavailableCount; intstr
// GetScaledValueFromIntOrPercent rounding up). Only RollingUpdate has any; OnDelete has neither.
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';

type IntOrString = number | string | undefined;

/** An int as is; "n%" of total rounded up; anything else 0 (validation rejects it on the way in). */
export function scaledValue(v: IntOrString, total: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+%$/.test(v)) return Math.ceil((parseInt(v, 10) * total) / 100);
  if (typeof v === 'string' && /^\d+$/.test(v)) return parseInt(v, 10);
  return 0;
}

const rolling = (ds: DaemonSet) => (ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined);

export const surgeCount = (ds: DaemonSet, desired: number): number => scaledValue(rolling(ds)?.maxSurge, desired);

export const unavailableCount = (ds: DaemonSet, desired: number): number => scaledValue(rolling(ds)?.maxUnavailable, desired);
