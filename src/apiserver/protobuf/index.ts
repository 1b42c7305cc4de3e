// `application/vnd.kubernetes.protobuf` bodies: the 4-byte magic "k8s\0" followed by a runtime.Unknown
// envelope whose raw bytes are the object's message (apimachinery pkg/runtime/serializer/protobuf/
// protobuf.go). kubectl 1.32+ sends these for `kubectl create ...`.
import { decodeMessage } from './decode.js';
import { encodeMessage } from './encode.js';
import { kindMessages, metaKindMessages } from './schema.js';
import { newWriter, readFields, WIRE_BYTES } from './wire.js';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** `apiVersion/kind` pairs with a schema (meta/v1 kinds are listed under meta.k8s.io/v1 but accepted under any). */
export const protobufKinds: Set<string> = new Set([
  ...Object.keys(kindMessages),
  ...Object.keys(metaKindMessages).map((k) => `meta.k8s.io/v1/${k}`),
]);

function messageFor(apiVersion: string, kind: string): string {
  const type = kindMessages[`${apiVersion}/${kind}`] ?? metaKindMessages[kind];
  if (!type) throw new Error(`no protobuf schema for ${apiVersion}, Kind=${kind}`);
  return type;
}

function stringField(fields: Map<number, { wire: number; bytes?: Uint8Array }[]>, no: number, where: string): string {
  const list = fields.get(no);
  const last = list?.[list.length - 1];
  if (!last) return '';
  if (last.wire !== WIRE_BYTES) throw new Error(`malformed protobuf in ${where}: wrong wire type`);
  return Buffer.from(last.bytes ?? []).toString('utf8');
}

/** Decodes a protobuf request body into the object its JSON encoding would be. Throws on bad input. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('protobuf body does not start with the Kubernetes magic prefix "k8s\\x00"');
  }
  const envelope = readFields(body.subarray(MAGIC.length), 'runtime.Unknown');
  const typeMetaWire = envelope.get(1);
  const typeMeta = typeMetaWire
    ? readFields(Buffer.concat(typeMetaWire.map((w) => w.bytes ?? new Uint8Array(0))), 'runtime.TypeMeta')
    : new Map();
  const apiVersion = stringField(typeMeta, 1, 'runtime.TypeMeta');
  const kind = stringField(typeMeta, 2, 'runtime.TypeMeta');
  if (kind === '') throw new Error('protobuf body has no kind in its runtime.Unknown type meta');
  const contentEncoding = stringField(envelope, 3, 'runtime.Unknown');
  if (contentEncoding !== '') throw new Error(`unsupported protobuf content encoding ${JSON.stringify(contentEncoding)}`);
  const contentType = stringField(envelope, 4, 'runtime.Unknown');
  if (contentType !== '' && contentType !== PROTOBUF_CONTENT_TYPE) {
    throw new Error(`unsupported content type ${JSON.stringify(contentType)} inside protobuf envelope`);
  }
  const rawWire = envelope.get(2);
  const raw = rawWire?.[rawWire.length - 1];
  if (raw && raw.wire !== WIRE_BYTES) throw new Error('malformed protobuf in runtime.Unknown: wrong wire type');
  const type = messageFor(apiVersion, kind);
  const object = decodeMessage(raw?.bytes ?? new Uint8Array(0), type, kind);
  return { kind, apiVersion, ...object };
}

/** Encodes an object (with apiVersion and kind) as a protobuf body, magic prefix included. */
export function encodeProtobufObject(obj: Record<string, unknown>): Buffer {
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === '') {
    throw new Error('object to encode as protobuf needs string apiVersion and kind');
  }
  const type = messageFor(apiVersion, kind);
  const inner = newWriter();
  encodeMessage(inner, obj, type, kind);
  const raw = inner.finish();
  // runtime.Unknown: typeMeta, raw, contentEncoding, contentType; gogo writes the empty strings too.
  const w = newWriter();
  w.uint32((1 << 3) | WIRE_BYTES).fork();
  w.uint32((1 << 3) | WIRE_BYTES).string(apiVersion).uint32((2 << 3) | WIRE_BYTES).string(kind);
  w.ldelim();
  w.uint32((2 << 3) | WIRE_BYTES).bytes(raw);
  w.uint32((3 << 3) | WIRE_BYTES).string('').uint32((4 << 3) | WIRE_BYTES).string('');
  return Buffer.concat([MAGIC, w.finish()]);
}
