// What kube-apiserver's strict JSON decoding (sigs.k8s.io/json UnmarshalStrict, a fork of encoding/json;
// internal/golang/encoding/json/decode.go + kubernetes_patch.go) reports for a body, from the schema tree:
// - unknown fields, as paths of the strict field stack: keys joined by '.', list indices as `[i]`, map keys
//   included (`spec.containers[0].sleepy`); the unknown field's own value is skipped, not descended;
// - type errors as encoding/json's UnmarshalTypeError: `json: cannot unmarshal <json type> into Go struct
//   field <Struct>.<path> of type <go type>`, where Struct is the innermost struct holding the field and the
//   path is the error context's field stack (JSON names only: no indices, no map keys).
// encoding/json saves the first type error and keeps going; a type's own UnmarshalJSON failure (Quantity,
// IntOrString, Time, base64 []byte) aborts at once and wins. typeErrors[0] is therefore what Go reports.
import { goElementTypeName, goFieldTypeName, goTypeName } from './go-types.js';
import { base64Error, fitsInteger, jsonTypeName, quantityError, timeError } from './scalars.js';
import type { FieldType } from './type-map.js';
import { goStructName, modelFields } from './type-map.js';

export interface FieldCheck {
  unknown: string[];
  typeErrors: string[];
}

// Where a value sits: strict path (for unknown fields) and Go error context (for type errors).
interface Site {
  strictPath: string;
  struct: string;
  fieldStack: string;
}

class Abort {
  constructor(readonly message: string) {}
}

/**
 * Unknown fields and type errors of `obj` decoded as `model` (KindDef.model, e.g. 'V1Pod').
 * `kindLabel` is the Go struct of the top level (the kind, e.g. 'Pod').
 */
export function checkFields(model: string, obj: unknown, opts: { kindLabel: string }): FieldCheck {
  const unknown: string[] = [];
  const saved: string[] = [];
  const root: Site = { strictPath: '', struct: opts.kindLabel, fieldStack: '' };
  const walker = new Walker(unknown, saved);
  try {
    walker.struct(model, obj, root, goTypeName({ kind: 'model', model }));
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    return { unknown, typeErrors: [e.message, ...saved] };
  }
  return { unknown, typeErrors: saved };
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

class Walker {
  constructor(
    private readonly unknown: string[],
    private readonly saved: string[],
  ) {}

  /** `integer`: the target is a Go integer, for which encoding/json quotes the offending literal. */
  private typeError(value: unknown, goType: string, site: Site, integer = false): void {
    const what = typeof value === 'number' && integer ? `number ${numberText(value)}` : jsonTypeName(value);
    const where = site.fieldStack ? `Go struct field ${site.struct}.${site.fieldStack}` : 'Go value';
    this.saved.push(`json: cannot unmarshal ${what} into ${where} of type ${goType}`);
  }

  /** Decodes a JSON object into the struct `model`; `goType` is only used when `obj` is not an object. */
  struct(model: string, obj: unknown, site: Site, goType: string): void {
    if (obj === null || obj === undefined) return;
    if (typeof obj !== 'object' || Array.isArray(obj)) return this.typeError(obj, goType, site);
    const fields = modelFields(model);
    if (!fields) return;
    const struct = goStructName(model);
    for (const [key, value] of Object.entries(obj)) {
      const f = fields.get(key);
      const strictPath = join(site.strictPath, key);
      if (!f) {
        this.unknown.push(strictPath);
        continue;
      }
      const child: Site = { strictPath, struct, fieldStack: join(site.fieldStack, key) };
      this.value(f.type, value, child, goFieldTypeName(model, key, f.type));
    }
  }

  value(type: FieldType, value: unknown, site: Site, goType: string): void {
    if (value === null || value === undefined) return; // null decodes into anything as a no-op
    switch (type.kind) {
      case 'model':
        return this.struct(type.model, value, site, goType);
      case 'array': {
        // []byte is the exception: a base64 string. It appears in the schema as scalar 'bytes'.
        if (!Array.isArray(value)) return this.typeError(value, goType, site);
        const elemGo = goElementTypeName(goType, type.items);
        value.forEach((v, i) => this.value(type.items, v, { ...site, strictPath: `${site.strictPath}[${i}]` }, elemGo));
        return;
      }
      case 'map': {
        if (typeof value !== 'object' || Array.isArray(value)) return this.typeError(value, goType, site);
        const elemGo = goElementTypeName(goType, type.values);
        for (const [k, v] of Object.entries(value)) {
          this.value(type.values, v, { ...site, strictPath: join(site.strictPath, k) }, elemGo);
        }
        return;
      }
      case 'scalar':
        return this.scalar(type.scalar, value, site, goType);
    }
  }

  private scalar(kind: string, value: unknown, site: Site, goType: string): void {
    switch (kind) {
      case 'any':
        return;
      case 'string':
        if (typeof value !== 'string') this.typeError(value, goType, site);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.typeError(value, goType, site);
        return;
      case 'int32':
      case 'int64':
        if (typeof value !== 'number' || !fitsInteger(value, kind === 'int32' ? 32 : 64)) {
          this.typeError(value, goType, site, true);
        }
        return;
      case 'double':
        if (typeof value !== 'number') this.typeError(value, goType, site);
        return;
      case 'bytes': {
        if (typeof value !== 'string') return this.typeError(value, goType, site);
        const err = base64Error(value);
        if (err) throw new Abort(err);
        return;
      }
      case 'intOrString':
        // intstr.IntOrString.UnmarshalJSON: a JSON string, else json.Unmarshal into an int32.
        if (typeof value === 'string') return;
        if (typeof value === 'number' && fitsInteger(value, 32)) return;
        throw new Abort(`json: cannot unmarshal ${innerWhat(value, 'int32')} into Go value of type int32`);
      case 'quantity': {
        const text = typeof value === 'string' ? value : typeof value === 'number' ? numberText(value) : rawText(value);
        const err = quantityError(text);
        if (err) throw new Abort(err);
        return;
      }
      case 'time':
      case 'microTime': {
        // metav1.Time/MicroTime.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (typeof value !== 'string') {
          throw new Abort(`json: cannot unmarshal ${innerWhat(value, 'string')} into Go value of type string`);
        }
        const err = timeError(value);
        if (err) throw new Abort(err);
        return;
      }
    }
  }
}

function innerWhat(value: unknown, goType: string): string {
  return typeof value === 'number' && goType !== 'string' ? `number ${numberText(value)}` : jsonTypeName(value);
}

/** A number as its JSON literal would most likely have read (the parsed value lost the original text). */
function numberText(n: number): string {
  return JSON.stringify(n);
}

function rawText(v: unknown): string {
  return typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '';
}
