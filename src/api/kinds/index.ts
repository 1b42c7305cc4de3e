// Every kind kubelite serves. Adding a kind is one folder here and one line below.
import type { KindDef } from '../kind.js';
import { pod } from './pod/index.js';
import { node } from './node/index.js';
import { namespace } from './namespace/index.js';
import { event } from './event/index.js';
import { serviceAccount } from './service-account/index.js';
import { replicationController } from './replication-controller/index.js';
import { configMap } from './config-map/index.js';
import { secret } from './secret/index.js';
import { service } from './service/index.js';
import { eventsV1Event } from './events-v1-event/index.js';
import { job } from './job/index.js';
import { cronJob } from './cron-job/index.js';
import { replicaSet } from './replica-set/index.js';
import { daemonSet } from './daemon-set/index.js';
import { controllerRevision } from './controller-revision/index.js';
import { role } from './role/index.js';
import { roleBinding } from './role-binding/index.js';
import { clusterRole } from './cluster-role/index.js';
import { clusterRoleBinding } from './cluster-role-binding/index.js';
import { lease } from './lease/index.js';

export const allKinds: KindDef[] = [
  pod,
  node,
  namespace,
  event,
  serviceAccount,
  replicationController,
  configMap,
  secret,
  service,
  eventsV1Event,
  job,
  cronJob,
  replicaSet,
  daemonSet,
  controllerRevision,
  role,
  roleBinding,
  clusterRole,
  clusterRoleBinding,
  lease,
];
