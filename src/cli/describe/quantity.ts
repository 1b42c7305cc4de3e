// resource.Quantity as kubectl adds and prints them (apimachinery pkg/api/resource): exact values
// (nano units as BigInt), the sum keeping the first operand's format, and the canonical string —
// the largest SI or binary suffix that keeps the number whole ("1500m", "2", "256Gi").

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
export interface Quantity { nano: bigint; format: QuantityFormat }

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NANO = 10n ** 9n;

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

export function parseQuantity(text: string | number | undefined): Quantity {
  if (text === undefined) return ZERO;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(String(text).trim());
  if (!m) return ZERO;
  const [, sign, whole = '', frac = '', suffix = ''] = m;
  // Exact value in units of 10^-9 (and of 10^-9 * 10^-len(frac) first).
  let value = BigInt(`${whole || '0'}${frac}`);
  let scale = -frac.length; // value * 10^scale
  let format: QuantityFormat = 'DecimalSI';
  if (BINARY[suffix]) { value *= BINARY[suffix]!; format = 'BinarySI'; }
  else if (/^[eE]/.test(suffix)) { scale += Number(suffix.slice(1)); format = 'DecimalExponent'; }
  else scale += DECIMAL_EXP[suffix] ?? 0;
  // To nano: multiply by 10^(scale+9), rounding up what falls below a nano as Quantity does.
  const shift = scale + 9;
  let nano: bigint;
  if (shift >= 0) nano = value * 10n ** BigInt(shift);
  else {
    const d = 10n ** BigInt(-shift);
    nano = value / d + (value % d === 0n ? 0n : 1n);
  }
  return { nano: sign === '-' ? -nano : nano, format };
}

export const addQuantities = (a: Quantity, b: Quantity): Quantity => ({ nano: a.nano + b.nano, format: a.format });

/** Quantity.MilliValue (rounded up) and Value (rounded up), as numbers. */
export const milliValue = (q: Quantity) => Number(ceilDiv(q.nano, 10n ** 6n));
export const value = (q: Quantity) => Number(ceilDiv(q.nano, NANO));

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** Quantity.String(): the canonical form. */
export function quantityString(q: Quantity): string {
  if (q.nano === 0n) return '0';
  const neg = q.nano < 0n;
  const abs = neg ? -q.nano : q.nano;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    let n = abs / NANO;
    let suffix = '';
    for (const s of ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']) {
      if (n % 1024n !== 0n) break;
      n /= 1024n;
      suffix = s;
    }
    return `${sign}${n}${suffix}`;
  }
  // Decimal: the largest power of 1000 that keeps the mantissa whole.
  let n = abs;
  let exp = -9;
  while (exp < 18 && n % 1000n === 0n) { n /= 1000n; exp += 3; }
  if (q.format === 'DecimalExponent') return `${sign}${n}${exp === 0 ? '' : `e${exp}`}`;
  const suffix = Object.keys(DECIMAL_EXP).find((k) => DECIMAL_EXP[k] === exp) ?? '';
  return `${sign}${n}${suffix}`;
}
