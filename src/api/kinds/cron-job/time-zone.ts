// Time zone names: Go's time.LoadLocation as kube-apiserver (with embedded tzdata) answers it, approximated with
// the IANA database Node's Intl carries.
const known = new Map<string, boolean>();

/** Go's LoadLocation error for `name`, or undefined when it loads. */
export function loadLocationError(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return 'time: invalid location name';
  let ok = known.get(name);
  if (ok === undefined) {
    ok = false;
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      // Intl ignores case; zoneinfo file names do not. An alias resolves to another name and is fine.
      ok = resolved === name || resolved.toLowerCase() !== name.toLowerCase();
    } catch {
      ok = false;
    }
    known.set(name, ok);
  }
  return ok ? undefined : `unknown time zone ${name}`;
}
