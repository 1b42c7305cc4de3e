// CPU time the whole machine spent (every process and the kernel), from /proc/stat: the measure of
// work that runs in many short-lived processes, which per-process CPU counters miss.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux ABI

/** Busy CPU ms summed over all CPUs since boot (user, nice, system, irq, softirq); NaN off Linux. */
export function machineCpuMs(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').slice(0, 200).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = f;
    return (user + nice + system + irq + softirq) * TICK_MS;
  } catch {
    return NaN;
  }
}
