// What the book's images share: `date`'s default output in UTC (`Thu Sep  3 13:35:47 UTC 2020`), which
// its shell-script images print, and the signal handling of a PID 1 without handlers.
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateLine(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}`;
}

/**
 * The originals run as PID 1 of their container with no signal handler (a `sh -c` loop from a shell-form
 * ENTRYPOINT, or `node app.js`), and the kernel drops signals such a PID 1 does not handle: SIGTERM does
 * nothing, so a deleted pod stays Terminating for its grace period (30 s by default) and is then
 * SIGKILLed (exit 137). Ignoring SIGTERM and SIGINT here gives the same, also outside a PID namespace.
 */
export function ignoreTermAsPid1(): void {
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => {});
}
