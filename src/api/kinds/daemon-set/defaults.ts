// apps/v1 DaemonSet defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet) and strategy
// (pkg/registry/apps/daemonset/strategy.go). The internal spec.templateGeneration lives in apps/v1 as the
// deprecated.daemonset.template.generation annotation (pkg/apis/apps/v1/conversion.go).
import type { DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1.js';
import type { Mutable } from '../../object.js';
import { defaultPodTemplateSpec } from '../../validation/pod-defaults.js';
import { semanticEqual } from '../../validation/semantic-equal.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export function defaultDaemonSet(ds: DaemonSet): void {
  const spec = (ds.spec ??= {} as DaemonSetSpec);
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.template ??= {};
  defaultPodTemplateSpec(spec.template);
}

const templateGeneration = (ds: DaemonSet) => Number.parseInt(ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '0', 10) || 0;

function setTemplateGeneration(ds: DaemonSet, gen: number): void {
  const meta = (ds.metadata ??= {});
  meta.annotations = { ...meta.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(gen) };
}

/** A cleared status; these four counts have no omitempty and show as 0. */
export function prepareDaemonSetForCreate(ds: Mutable<DaemonSet>): void {
  ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  setTemplateGeneration(ds, 1);
}

/** Status stays; the template generation is the server's, bumped when the template changes. */
export function prepareDaemonSetForUpdate(ds: Mutable<DaemonSet>, old: DaemonSet): void {
  ds.status = old.status;
  if (ds.status === undefined) delete ds.status;
  const changed = !semanticEqual(ds.spec?.template, old.spec?.template);
  setTemplateGeneration(ds, templateGeneration(old) + (changed ? 1 : 0));
}
