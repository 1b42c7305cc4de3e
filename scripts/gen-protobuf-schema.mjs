#!/usr/bin/env node
// Generates src/apiserver/protobuf/schema.ts: the protobuf field table kubelite uses to read and write
// `application/vnd.kubernetes.protobuf` bodies.
//
// Usage: node scripts/gen-protobuf-schema.mjs <k8s.io/api dir> <k8s.io/apimachinery dir> > src/apiserver/protobuf/schema.ts
// (both directories checked out at the release kubelite follows, v0.33.x).
//
// Two facts are joined per field: the wire shape (number, type, repeated, map) from each package's
// generated.proto, and the Go shape (JSON name, pointer, omitempty, inline) from the struct tags in
// types.go. The Go shape is what makes a decoded object equal to the JSON encoding of the same Go
// object: a pointer field present on the wire is kept even when zero, a value field is dropped by
// omitempty when zero, and a non-omitempty nil slice or map is `null`.
import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: gen-protobuf-schema.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>');
  process.exit(2);
}

// apiVersion → [proto package dir, kinds]; list kinds are added for each.
const roots = {
  v1: ['core/v1', ['Pod', 'Node', 'Namespace', 'Event', 'ServiceAccount', 'ReplicationController', 'ConfigMap', 'Secret', 'Service']],
  'events.k8s.io/v1': ['events/v1', ['Event']],
  'batch/v1': ['batch/v1', ['Job', 'CronJob']],
  'apps/v1': ['apps/v1', ['ReplicaSet', 'DaemonSet', 'ControllerRevision']],
  'rbac.authorization.k8s.io/v1': ['rbac/v1', ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']],
  'coordination.k8s.io/v1': ['coordination/v1', ['Lease']],
};
// meta/v1 kinds a client may send or receive under any group version.
const metaKinds = ['DeleteOptions', 'Status'];
// Encoded by hand in codec.ts: their JSON form is not their message form.
const special = new Set(['meta.v1.Time', 'meta.v1.MicroTime', 'meta.v1.Duration', 'meta.v1.FieldsV1',
  'resource.Quantity', 'intstr.IntOrString', 'runtime.RawExtension']);

const protoFiles = [...new Set(Object.values(roots).map(([dir]) => `${dir}`))]
  .map((dir) => `k8s.io/api/${dir}/generated.proto`);
protoFiles.push('k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto');
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => {
  if (target.startsWith('k8s.io/api/')) return path.join(apiDir, target.slice('k8s.io/api/'.length));
  if (target.startsWith('k8s.io/apimachinery/')) return path.join(machineryDir, target.slice('k8s.io/apimachinery/'.length));
  return target;
};
root.loadSync(protoFiles, { keepCase: true });
root.resolveAll();

// Short names: k8s.io.api.core.v1.Pod → core.v1.Pod; k8s.io.apimachinery.pkg.apis.meta.v1.Time → meta.v1.Time.
const short = (full) => full.replace(/^\.?k8s\.io\.(api|apimachinery\.pkg(\.apis|\.api|\.util)?)\./, '');

// Go struct tags per Go package directory: struct → proto field name → Go facts.
const goDirs = {
  'core.v1': path.join(apiDir, 'core/v1'), 'batch.v1': path.join(apiDir, 'batch/v1'),
  'apps.v1': path.join(apiDir, 'apps/v1'), 'rbac.v1': path.join(apiDir, 'rbac/v1'),
  'coordination.v1': path.join(apiDir, 'coordination/v1'), 'events.v1': path.join(apiDir, 'events/v1'),
  'meta.v1': path.join(machineryDir, 'pkg/apis/meta/v1'),
};
const goStructs = new Map();
for (const [pkg, dir] of Object.entries(goDirs)) {
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.go') || file.endsWith('_test.go') || file.startsWith('zz_') || file.startsWith('generated')) continue;
    parseGoStructs(pkg, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
}

function parseGoStructs(pkg, src) {
  const re = /^type (\w+) struct \{\n([\s\S]*?)^\}/gm;
  for (const m of src.matchAll(re)) {
    const fields = [];
    for (const line of m[2].split('\n')) {
      const f = /^\t(?:(\w+)\s+)?([*\w.\[\]]+)\s+`([^`]*)`/.exec(line);
      if (!f) continue;
      const tags = Object.fromEntries([...f[3].matchAll(/(\w+):"([^"]*)"/g)].map((t) => [t[1], t[2]]));
      if (!tags.protobuf) continue;
      const protoNumber = Number(tags.protobuf.split(',')[1]);
      const [jsonName = '', ...opts] = (tags.json ?? '').split(',');
      fields.push({
        protoNumber, goType: f[2], json: jsonName, omitempty: opts.includes('omitempty'),
        inline: opts.includes('inline') && !f[1] && jsonName === '',
      });
    }
    goStructs.set(`${pkg}.${m[1]}`, fields);
  }
}

const out = new Map();
const queue = [];
const want = (name) => { if (!out.has(name) && !queue.includes(name)) queue.push(name); };
for (const [, [dir, kinds]] of Object.entries(roots)) {
  for (const k of kinds) { want(`${dir.replace('/', '.')}.${k}`); want(`${dir.replace('/', '.')}.${k}List`); }
}
for (const k of metaKinds) want(`meta.v1.${k}`);

while (queue.length > 0) {
  const name = queue.shift();
  if (special.has(name)) { out.set(name, null); continue; }
  const type = root.lookupType(`k8s.io.${name.startsWith('meta.') ? 'apimachinery.pkg.apis.' : 'api.'}${name}`);
  const go = goStructs.get(name);
  if (!go) throw new Error(`no Go struct for ${name}`);
  const rows = [];
  for (const g of go) {
    const field = type.fieldsById[g.protoNumber];
    if (!field) throw new Error(`${name} #${g.protoNumber}: in Go tags, not in generated.proto`);
    let t = field.type;
    if (field.resolvedType) { t = short(field.resolvedType.fullName); want(t); }
    let flags = '';
    if (field.map) {
      if (field.keyType !== 'string') throw new Error(`${name}.${g.protoName}: map key ${field.keyType}`);
      flags += 'm';
    } else if (field.repeated) flags += 'r';
    if (g.goType.startsWith('*')) flags += 'p';
    if (g.omitempty) flags += 'o';
    if (g.inline) flags += 'i';
    rows.push([g.inline ? '' : g.json, field.id, t, flags]);
  }
  for (const f of type.fieldsArray) {
    if (!go.some((g) => g.protoNumber === f.id)) throw new Error(`${name}.${f.name}: in generated.proto, no Go field`);
  }
  out.set(name, rows);
}

const lines = [...out].filter(([, rows]) => rows).sort(([a], [b]) => a.localeCompare(b))
  .map(([name, rows]) => `  '${name}': [${rows.map((r) => JSON.stringify(r).replaceAll('"', "'")).join(', ')}],`);
const kinds = Object.entries(roots).flatMap(([gv, [dir, ks]]) =>
  ks.flatMap((k) => [`${gv}/${k}`, `${gv}/${k}List`].map((key) => `  '${key}': '${dir.replace('/', '.')}.${key.split('/').pop()}',`)));
process.stdout.write(`// GENERATED by scripts/gen-protobuf-schema.mjs from k8s.io/api and k8s.io/apimachinery v0.33
// (generated.proto field numbers and types joined with types.go JSON tags). Do not edit by hand.
//
// A field is [jsonName, number, type, flags]; type is a proto scalar or a message name below (or one
// of the hand-coded messages in codec.ts). Flags: r repeated, m map<string,type>, p Go pointer
// (presence kept), o omitempty, i Go embedded struct inlined into its parent's JSON.
export type FieldRow = readonly [json: string, no: number, type: string, flags: string];

export const messages: Readonly<Record<string, readonly FieldRow[]>> = {
${lines.join('\n')}
};

// apiVersion/kind → message; meta.v1 kinds (${metaKinds.join(', ')}) are accepted under every apiVersion.
export const kindMessages: Readonly<Record<string, string>> = {
${kinds.join('\n')}
};

export const metaKindMessages: Readonly<Record<string, string>> = {
${metaKinds.map((k) => `  ${k}: 'meta.v1.${k}',`).join('\n')}
};
`);
