// Low-level protobuf wire reading for kubelite's codec: splits one message into its fields by number,
// leaving interpretation to the schema (decode.ts). Built on protobufjs' Reader.
import protobuf from 'protobufjs/minimal.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** One occurrence of a field on the wire: a varint (as Long), fixed bytes or a length-delimited slice. */
export interface WireValue {
  wire: number;
  varint?: protobuf.Long;
  bytes?: Uint8Array;
}

/** Every field occurrence of one message, in wire order, keyed by field number. */
export function readFields(buf: Uint8Array, where: string): Map<number, WireValue[]> {
  const reader = protobuf.Reader.create(buf);
  const fields = new Map<number, WireValue[]>();
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const no = tag >>> 3;
      const wire = tag & 7;
      if (no === 0) throw new Error('field number 0');
      let value: WireValue;
      switch (wire) {
        case WIRE_VARINT:
          value = { wire, varint: reader.uint64() };
          break;
        case WIRE_BYTES:
          value = { wire, bytes: reader.bytes() };
          break;
        case WIRE_FIXED64:
          value = { wire, bytes: buf.subarray(reader.pos, reader.pos + 8) };
          reader.skip(8);
          break;
        case WIRE_FIXED32:
          value = { wire, bytes: buf.subarray(reader.pos, reader.pos + 4) };
          reader.skip(4);
          break;
        default:
          // Groups (3, 4) never occur in Kubernetes' generated.proto.
          throw new Error(`unsupported wire type ${wire}`);
      }
      const list = fields.get(no);
      if (list) list.push(value);
      else fields.set(no, [value]);
    }
  } catch (err) {
    throw new Error(`malformed protobuf in ${where}: ${(err as Error).message}`);
  }
  return fields;
}

/** A 64-bit varint as a JS number (exact up to 2^53, like the JSON the API would write). */
export function longToNumber(l: protobuf.Long | undefined, unsigned = false): number {
  if (!l) return 0;
  const high = unsigned ? l.high >>> 0 : l.high | 0;
  return high * 0x1_0000_0000 + (l.low >>> 0);
}

/** A fresh Writer; the encoder appends to it. */
export function newWriter(): protobuf.Writer {
  return protobuf.Writer.create();
}

export type Writer = protobuf.Writer;
export type Long = protobuf.Long;
