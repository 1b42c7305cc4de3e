// The spawn broker's process (see spawn-broker.ts): runs `ip` and container supervisors for the
// agent and reports back over the IPC channel. It holds no state worth keeping: when the agent's
// end of the channel closes (the agent exits or is killed) it exits too, and the supervisors it
// started, detached in their own sessions, run on for the next agent to adopt.
import { runIpDirect } from '../../sandbox/network.js';
import { superviseContainer } from './supervisor.js';
import type { BrokerReply, BrokerRequest } from './spawn-broker.js';

const send = (r: BrokerReply) => { process.send?.(r); };

process.on('message', (m: BrokerRequest) => {
  if (m.op === 'ip') {
    runIpDirect(m.args, m.batch).then(() => send({ id: m.id }), (e: Error) => send({ id: m.id, error: e.message }));
    return;
  }
  superviseContainer(m.files, m.cmd, m.env, m.stdin).then((s) => {
    send({ id: m.id, supervisorPid: s.supervisorPid, pid: s.pid });
    void s.supervisorExited.then(() => send({ id: m.id, exited: true }));
  }, (e: Error) => send({ id: m.id, error: e.message }));
});
process.on('disconnect', () => process.exit(0));
