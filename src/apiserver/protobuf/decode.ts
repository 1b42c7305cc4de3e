// Protobuf message → the JSON the Go API types would marshal to. The Go shape in the schema decides
// presence, mirroring gogo-protobuf's generated Unmarshal followed by encoding/json:
//   pointer field: kept iff on the wire, even when zero (replicas: 0, suspend: false);
//   value scalar: absent means zero; omitempty drops zero;
//   value struct: always marshalled (encoding/json never omits structs), e.g. resources: {}, status: {};
//   slice/map: omitempty drops empty; otherwise an empty one is null (Go's nil).
import { messages, type FieldRow } from './schema.js';
import { specialCodecs } from './special.js';
import { longToNumber, readFields, WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT, type WireValue } from './wire.js';

type JsonObject = Record<string, unknown>;

const SCALAR_WIRE: Readonly<Record<string, number>> = {
  string: WIRE_BYTES, bytes: WIRE_BYTES, bool: WIRE_VARINT, int32: WIRE_VARINT, int64: WIRE_VARINT,
  uint32: WIRE_VARINT, uint64: WIRE_VARINT, double: WIRE_FIXED64,
};
const SCALAR_ZERO: Readonly<Record<string, unknown>> = {
  string: '', bytes: null, bool: false, int32: 0, int64: 0, uint32: 0, uint64: 0, double: 0,
};

export function isKnownMessage(type: string): boolean {
  return type in messages || type in specialCodecs;
}

/** Decodes one message of `type` (a schema name) into its JSON form. */
export function decodeMessage(buf: Uint8Array, type: string, where: string): JsonObject {
  const rows = messages[type];
  if (!rows) throw new Error(`no protobuf schema for ${type}`);
  const fields = readFields(buf, where);
  const out: JsonObject = {};
  for (const row of rows) {
    const [json, no, , flags] = row;
    const value = decodeField(row, fields.get(no) ?? [], `${where}.${json || type}`);
    if (value === undefined) continue;
    if (flags.includes('i')) Object.assign(out, value);
    else out[json] = value;
  }
  return out;
}

/** The field's JSON value, or undefined when encoding/json would leave it out. */
function decodeField(row: FieldRow, wire: WireValue[], where: string): unknown {
  const [, , type, flags] = row;
  const omitEmpty = flags.includes('o');
  if (flags.includes('r') || flags.includes('m')) {
    const list = flags.includes('m') ? decodeMap(type, wire, where) : decodeRepeated(type, wire, where);
    const empty = Array.isArray(list) ? list.length === 0 : Object.keys(list).length === 0;
    if (empty) return omitEmpty ? undefined : null;
    return list;
  }
  const present = wire.length > 0;
  if (flags.includes('p') && !present) return undefined;
  if (messages[type]) {
    // Repeated occurrences of an embedded message merge, as proto2 (and gogo's Unmarshal) do.
    return decodeMessage(concat(wire, type, where), type, where);
  }
  const special = specialCodecs[type];
  if (special) return present ? special.decode(concat(wire, type, where), where) : special.zero;
  const value = present ? decodeScalar(type, wire[wire.length - 1], where) : SCALAR_ZERO[type];
  if (omitEmpty && !flags.includes('p') && isEmptyScalar(value)) return undefined;
  return value;
}

function isEmptyScalar(value: unknown): boolean {
  return value === '' || value === 0 || value === false || value === null;
}

function concat(wire: WireValue[], type: string, where: string): Uint8Array {
  for (const w of wire) if (w.wire !== WIRE_BYTES) throw new Error(`${where}: wrong wire type ${w.wire} for ${type}`);
  if (wire.length === 0) return new Uint8Array(0);
  if (wire.length === 1) return wire[0].bytes ?? new Uint8Array(0);
  return Buffer.concat(wire.map((w) => w.bytes ?? new Uint8Array(0)));
}

function decodeElement(type: string, w: WireValue, where: string): unknown {
  if (messages[type]) return decodeMessage(concat([w], type, where), type, where);
  const special = specialCodecs[type];
  if (special) return special.decode(concat([w], type, where), where);
  return decodeScalar(type, w, where);
}

function decodeRepeated(type: string, wire: WireValue[], where: string): unknown[] {
  const out: unknown[] = [];
  for (const w of wire) {
    if (w.wire === WIRE_BYTES && SCALAR_WIRE[type] === WIRE_VARINT) {
      // A packed run of varints, which a proto2 decoder must also accept.
      for (const v of readPacked(w.bytes ?? new Uint8Array(0), where)) out.push(decodeScalar(type, v, where));
    } else out.push(decodeElement(type, w, where));
  }
  return out;
}

function readPacked(buf: Uint8Array, where: string): WireValue[] {
  // Re-read the run as a message of field-1 varints: prefix each value with tag 0x08.
  const tagged: number[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if ((buf[i] & 0x80) === 0) {
      tagged.push(0x08, ...buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start !== buf.length) throw new Error(`malformed protobuf in ${where}: truncated packed field`);
  return readFields(Uint8Array.from(tagged), where).get(1) ?? [];
}

function decodeMap(type: string, wire: WireValue[], where: string): JsonObject {
  const out: JsonObject = {};
  for (const entry of wire) {
    const f = readFields(concat([entry], 'map entry', where), where);
    const keyWire = f.get(1);
    const key = keyWire ? decodeScalar('string', keyWire[keyWire.length - 1], where) as string : '';
    const valueWire = f.get(2);
    let value: unknown;
    if (valueWire) {
      value = messages[type] || specialCodecs[type]
        ? decodeElement(type, { wire: WIRE_BYTES, bytes: concat(valueWire, type, where) }, `${where}[${key}]`)
        : decodeScalar(type, valueWire[valueWire.length - 1], `${where}[${key}]`);
    } else {
      // A value missing from its entry is Go's zero value: a []byte is nil (null), an empty one is "".
      value = messages[type] ? {} : specialCodecs[type]?.zero ?? SCALAR_ZERO[type];
    }
    out[key] = value;
  }
  return out;
}

function decodeScalar(type: string, w: WireValue, where: string): unknown {
  const expected = SCALAR_WIRE[type];
  if (expected === undefined) throw new Error(`${where}: unknown type ${type}`);
  if (w.wire !== expected) throw new Error(`${where}: wrong wire type ${w.wire} for ${type}`);
  switch (type) {
    case 'string':
      return Buffer.from(w.bytes ?? []).toString('utf8');
    case 'bytes':
      return Buffer.from(w.bytes ?? []).toString('base64');
    case 'bool':
      return (w.varint?.low ?? 0) !== 0 || (w.varint?.high ?? 0) !== 0;
    case 'int32':
      return (w.varint?.low ?? 0) | 0;
    case 'uint32':
      return (w.varint?.low ?? 0) >>> 0;
    case 'double':
      return Buffer.from(w.bytes ?? new Uint8Array(8)).readDoubleLE(0);
    default:
      return longToNumber(w.varint, type === 'uint64');
  }
}
