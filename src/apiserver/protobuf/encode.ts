// JSON object → protobuf message, writing what gogo-protobuf's generated Marshal writes for the Go
// value the JSON decodes to: fields in number order, value scalars and structs always (zero included),
// pointers only when set, []byte only when non-nil, map entries sorted by key.
import { messages, type FieldRow } from './schema.js';
import { specialCodecs } from './special.js';
import { WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT, type Writer } from './wire.js';

type JsonObject = Record<string, unknown>;

const byNumber = new Map<string, FieldRow[]>();
function sortedRows(type: string): FieldRow[] {
  let rows = byNumber.get(type);
  if (!rows) {
    const def = messages[type];
    if (!def) throw new Error(`no protobuf schema for ${type}`);
    rows = [...def].sort((a, b) => a[1] - b[1]);
    byNumber.set(type, rows);
  }
  return rows;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Appends the fields of one `type` message built from `obj` to `w` (no length prefix). */
export function encodeMessage(w: Writer, obj: unknown, type: string, where: string): void {
  if (obj !== undefined && obj !== null && !isObject(obj)) throw new Error(`${where}: expected an object`);
  const o: JsonObject = obj ?? {};
  for (const row of sortedRows(type)) {
    const [json, no, ftype, flags] = row;
    const at = `${where}.${json || ftype}`;
    const value = flags.includes('i') ? o : o[json];
    if (flags.includes('m')) {
      if (value === undefined || value === null) continue;
      if (!isObject(value)) throw new Error(`${at}: expected an object`);
      for (const key of Object.keys(value).sort()) {
        w.uint32((no << 3) | WIRE_BYTES).fork();
        w.uint32((1 << 3) | WIRE_BYTES).string(key);
        writeField(w, 2, ftype, value[key], `${at}[${key}]`);
        w.ldelim();
      }
    } else if (flags.includes('r')) {
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value)) throw new Error(`${at}: expected an array`);
      value.forEach((v: unknown, i) => writeField(w, no, ftype, v, `${at}[${i}]`));
    } else if (flags.includes('p')) {
      if (value !== undefined && value !== null) writeField(w, no, ftype, value, at);
    } else {
      writeField(w, no, ftype, value, at);
    }
  }
}

function writeField(w: Writer, no: number, type: string, value: unknown, where: string): void {
  if (messages[type]) {
    w.uint32((no << 3) | WIRE_BYTES).fork();
    encodeMessage(w, value, type, where);
    w.ldelim();
    return;
  }
  const special = specialCodecs[type];
  if (special) {
    w.uint32((no << 3) | WIRE_BYTES).fork();
    special.encode(w, value ?? special.zero, where);
    w.ldelim();
    return;
  }
  switch (type) {
    case 'string':
      if (value !== undefined && value !== null && typeof value !== 'string') throw new Error(`${where}: expected a string`);
      w.uint32((no << 3) | WIRE_BYTES).string(value ?? '');
      return;
    case 'bytes':
      // A nil []byte is not written; JSON null or absence is nil.
      if (value === undefined || value === null) return;
      if (typeof value !== 'string') throw new Error(`${where}: expected a base64 string`);
      w.uint32((no << 3) | WIRE_BYTES).bytes(Buffer.from(value, 'base64'));
      return;
    case 'bool':
      if (value !== undefined && value !== null && typeof value !== 'boolean') throw new Error(`${where}: expected a boolean`);
      w.uint32((no << 3) | WIRE_VARINT).bool(value ?? false);
      return;
    case 'double':
      w.uint32((no << 3) | WIRE_FIXED64).double(numberOf(value, where, false));
      return;
    case 'int32':
      w.uint32((no << 3) | WIRE_VARINT).int32(numberOf(value, where, true));
      return;
    case 'uint32':
      w.uint32((no << 3) | WIRE_VARINT).uint32(numberOf(value, where, true));
      return;
    case 'int64':
    case 'uint64':
      w.uint32((no << 3) | WIRE_VARINT).int64(numberOf(value, where, true));
      return;
    default:
      throw new Error(`${where}: unknown type ${type}`);
  }
}

function numberOf(value: unknown, where: string, integer: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || (integer && !Number.isInteger(value))) {
    throw new Error(`${where}: expected ${integer ? 'an integer' : 'a number'}`);
  }
  return value;
}
