// Messages whose JSON form is not their message form; each mirrors the type's own Marshal/Unmarshal
// and MarshalJSON in apimachinery (pkg/apis/meta/v1/time_proto.go, micro_time_proto.go, FieldsV1 in
// types.go, pkg/api/resource/quantity_proto.go, pkg/util/intstr/intstr.go).
import { longToNumber, readFields, type WireValue, type Writer } from './wire.js';

export interface SpecialCodec {
  /** JSON of the Go zero value (what a value, non-pointer field holds when absent on the wire). */
  zero: unknown;
  decode(buf: Uint8Array, where: string): unknown;
  encode(w: Writer, value: unknown, where: string): void;
}

const last = (list: WireValue[] | undefined): WireValue | undefined => list?.[list.length - 1];
const varintOf = (v: WireValue | undefined): number => longToNumber(v?.varint);
const int32Of = (v: WireValue | undefined): number => (v?.varint ? v.varint.low | 0 : 0);
const stringOf = (v: WireValue | undefined): string => (v?.bytes ? Buffer.from(v.bytes).toString('utf8') : '');

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** RFC 3339 in UTC, as Go's time.Format with "2006-01-02T15:04:05Z07:00" (fraction optional). */
function formatTime(seconds: number, micros: number | undefined): string {
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) throw new Error(`time out of range: ${seconds}s`);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return micros === undefined ? `${base}Z` : `${base}.${pad(micros, 6)}Z`;
}

/** Parses RFC 3339 into Unix seconds and nanoseconds. */
function parseTime(value: unknown, where: string): { seconds: number; nanos: number } {
  if (typeof value !== 'string') throw new Error(`${where}: expected an RFC 3339 time string`);
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/i.exec(value);
  const ms = m ? Date.parse(`${m[1]}${m[3]}`) : Number.NaN;
  if (!m || Number.isNaN(ms)) throw new Error(`${where}: invalid time ${JSON.stringify(value)}`);
  return { seconds: Math.floor(ms / 1000), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
}

function timeCodec(micro: boolean): SpecialCodec {
  return {
    zero: null,
    decode(buf, where) {
      // An empty message is the zero time, which Go marshals as JSON null.
      if (buf.length === 0) return null;
      const f = readFields(buf, where);
      const seconds = varintOf(last(f.get(1)));
      // Time drops the nanoseconds (JSON only carried seconds); MicroTime truncates to microseconds.
      return formatTime(seconds, micro ? Math.floor(int32Of(last(f.get(2))) / 1000) : undefined);
    },
    encode(w, value, where) {
      if (value === null || value === undefined) return; // zero time: empty message
      const t = parseTime(value, where);
      const nanos = micro ? Math.floor(t.nanos / 1000) * 1000 : t.nanos;
      w.uint32(1 << 3).int64(t.seconds).uint32(2 << 3).int32(nanos);
    },
  };
}

const quantity: SpecialCodec = {
  zero: '0',
  decode(buf, where) {
    // Passed through as sent; canonical forms are the API layer's business, as for JSON bodies.
    const s = stringOf(last(readFields(buf, where).get(1)));
    return s === '' ? '0' : s;
  },
  encode(w, value, where) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${where}: expected a quantity`);
    w.uint32((1 << 3) | 2).string(String(value));
  },
};

const intOrString: SpecialCodec = {
  zero: 0,
  decode(buf, where) {
    const f = readFields(buf, where);
    // type 1 is intstr.String; anything else is intstr.Int.
    return varintOf(last(f.get(1))) === 1 ? stringOf(last(f.get(3))) : int32Of(last(f.get(2)));
  },
  encode(w, value, where) {
    if (typeof value === 'string') w.uint32(1 << 3).int64(1).uint32(2 << 3).int32(0).uint32((3 << 3) | 2).string(value);
    else if (typeof value === 'number' && Number.isInteger(value)) {
      w.uint32(1 << 3).int64(0).uint32(2 << 3).int32(value).uint32((3 << 3) | 2).string('');
    } else throw new Error(`${where}: expected an integer or a string`);
  },
};

// FieldsV1 carries its JSON verbatim in Raw (field 1).
const fieldsV1: SpecialCodec = {
  zero: null,
  decode(buf, where) {
    const raw = last(readFields(buf, where).get(1))?.bytes;
    if (!raw) return null;
    try {
      return JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
    } catch {
      throw new Error(`${where}: FieldsV1 is not valid JSON`);
    }
  },
  encode(w, value) {
    if (value === null || value === undefined) return;
    w.uint32((1 << 3) | 2).bytes(Buffer.from(JSON.stringify(value), 'utf8'));
  },
};

export const specialCodecs: Readonly<Record<string, SpecialCodec>> = {
  'meta.v1.Time': timeCodec(false),
  'meta.v1.MicroTime': timeCodec(true),
  'meta.v1.FieldsV1': fieldsV1,
  'resource.Quantity': quantity,
  'intstr.IntOrString': intOrString,
};
