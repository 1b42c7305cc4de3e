import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podForJob } from './pod-template.js';
import { job, JOB_UID } from './testing.js';

const ref = { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: JOB_UID, controller: true, blockOwnerDeletion: true };

test('a pod from the template: generateName <job>-, template labels, tracking finalizer, controller reference', () => {
  const p = podForJob(job(), undefined, ref);
  assert.deepEqual(p.metadata, {
    generateName: 'pi-', namespace: 'default',
    labels: { 'batch.kubernetes.io/controller-uid': JOB_UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': JOB_UID, 'job-name': 'pi' },
    finalizers: ['batch.kubernetes.io/job-tracking'], ownerReferences: [ref],
  });
  assert.equal(p.spec?.hostname, undefined);
  assert.equal(p.spec?.containers[0]?.env, undefined);
});

test('an Indexed pod: index annotation and label, JOB_COMPLETION_INDEX from the label, hostname <job>-<index>', () => {
  const j = job({ completionMode: 'Indexed', completions: 3 });
  j.spec!.template.spec!.subdomain = 'svc';
  const p = podForJob(j, 2, ref);
  assert.equal(p.metadata.generateName, 'pi-2-');
  assert.equal(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], '2');
  assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], '2');
  assert.deepEqual(p.spec?.containers[0]?.env, [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
  assert.deepEqual([p.spec?.hostname, p.spec?.subdomain], ['pi-2', 'svc']);
  assert.equal(j.spec!.template.metadata!.labels!['batch.kubernetes.io/job-completion-index'], undefined, 'the Job is not changed');
});
