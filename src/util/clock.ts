// The only code that reads real time. Everything else takes a Clock so tests can use FakeClock.
export interface Clock {
  now(): number; // milliseconds since the epoch
}

export const realClock: Clock = { now: () => Date.now() };

export class FakeClock implements Clock {
  constructor(private t: number) {}
  now(): number { return this.t; }
  advance(ms: number): void { this.t += ms; }
  set(t: number): void { this.t = t; }
}

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 with second precision, as Kubernetes' metav1.Time serialises. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Every write stamps the same second many times over: format it once.
  if (second !== lastSecond) { lastSecond = second; lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z'); }
  return lastText;
}

/** RFC 3339 with microsecond precision, as metav1.MicroTime serialises. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
