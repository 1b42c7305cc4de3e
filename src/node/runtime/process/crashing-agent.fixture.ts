// A stand-in agent for the killed-agent test: builds a runtime on the state dir given as JSON in argv[2],
// starts the containers given in argv[3] in one sandbox, prints what it started, then waits to be killed.
import { SandboxManager, type SandboxManagerOptions } from '../../sandbox/sandbox-manager.js';
import { containerConfig, sandboxConfig, type Workload } from '../conformance.js';
import { ProcessRuntime } from './process-runtime.js';

const opts = JSON.parse(process.argv[2]) as SandboxManagerOptions;
const workloads = JSON.parse(process.argv[3]) as Workload[];
const runtime = new ProcessRuntime({ stateDir: opts.stateDir, sandboxes: await SandboxManager.create(opts) });
const sandbox = await runtime.createSandbox(sandboxConfig());
const started = [];
for (const w of workloads) {
  const c = await runtime.startContainer(sandbox, containerConfig(w, `${opts.stateDir}/logs`));
  started.push({ id: c.id, pid: c.pid });
}
process.stdout.write(`${JSON.stringify({ sandbox, started })}\n`);
setInterval(() => {}, 1 << 30);
