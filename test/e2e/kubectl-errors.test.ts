// Errors as kubectl prints them, from the golden transcripts captured against a real control plane
// (/work/shared/reference/golden/errors/*.kubectl.txt), plus malformed requests sent straight over
// HTTPS: each gets the right status code and a readable Status, and nothing is written.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseYaml, stringify } from 'yaml';
import { kubectl, kubectlMissing, startTestServer, type RunResult, type TestServer } from './harness.js';
import { apiRequest, type HttpResult } from './https.js';

const skip = kubectlMissing();
let server: TestServer;
let dir: string;

before(async () => {
  server = await startTestServer({ apiOnly: true });
  dir = mkdtempSync(join(tmpdir(), 'kubelite-errors-'));
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const k = (args: string[], opts: { input?: string } = {}): Promise<RunResult> => kubectl(server, args, opts);

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

function expectFailure(r: RunResult, stderr: string, stdout = ''): void {
  assert.deepEqual({ code: r.code, stdout: r.stdout, stderr: r.stderr }, { code: 1, stdout, stderr });
}

const container = { name: 'main', image: 'busybox' };
const job = (name: string, spec: Record<string, unknown> = {}, restartPolicy = 'Never') => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name },
  spec: { template: { spec: { restartPolicy, containers: [container] } }, ...spec },
});

interface Case { name: string; manifest: unknown; args?: string[]; stderr: (path: string) => string }

// Each is `kubectl create -f <file>` unless args say otherwise; stderr is the golden transcript's.
const createCases: Case[] = [
  {
    name: 'job with restartPolicy Always',
    manifest: job('bad-restart', {}, 'Always'),
    stderr: () => 'The Job "bad-restart" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
  },
  {
    name: 'job with several errors lists each',
    manifest: job('multi-bad', { parallelism: -1, completions: -2 }, 'Always'),
    stderr: () => 'The Job "multi-bad" is invalid: \n'
      + '* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n'
      + '* spec.completions: Invalid value: -2: must be greater than or equal to 0\n'
      + '* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
  },
  {
    name: 'pod with a name that is not a DNS subdomain',
    manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name' }, spec: { containers: [container] } },
    stderr: () => 'The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
  },
  {
    name: 'rc with replicas as a string',
    manifest: {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'bad-replicas' },
      spec: { replicas: 'three', selector: { app: 'x' }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [container] } } },
    },
    stderr: (p) => `Error from server (BadRequest): error when creating "${p}": ReplicationController in version "v1" cannot be handled as a ReplicationController: json: cannot unmarshal string into Go struct field ReplicationControllerSpec.spec.replicas of type int32\n`,
  },
  {
    name: 'job whose Indexed mode needs completions',
    manifest: job('bad-indexed2', { completionMode: 'Indexed', parallelism: 2 }),
    stderr: () => 'The Job "bad-indexed2" is invalid: spec.completions: Required value: when completion mode is Indexed\n',
  },
];

for (const c of createCases) {
  test(`kubectl create: ${c.name}`, { skip }, async () => {
    const p = file(`${c.name.replace(/\W+/g, '-')}.json`, c.manifest);
    expectFailure(await k(c.args ?? ['create', '-f', p]), c.stderr(p));
  });
}

test('kubectl get of a missing job is NotFound', { skip }, async () => {
  expectFailure(await k(['get', 'job', 'no-such-job']), 'Error from server (NotFound): jobs.batch "no-such-job" not found\n');
});

test('kubectl create of an existing job is AlreadyExists', { skip }, async () => {
  const p = file('job-exists.json', job('simple'));
  assert.equal((await k(['create', '-f', p])).stdout, 'job.batch/simple created\n');
  expectFailure(await k(['create', '-f', p]), `Error from server (AlreadyExists): error when creating "${p}": jobs.batch "simple" already exists\n`);
});

test('kubectl get of an unknown resource type', { skip }, async () => {
  expectFailure(await k(['get', 'frobs']), 'error: the server doesn\'t have a resource type "frobs"\n');
  expectFailure(await k(['get', '--raw', '/apis/batch/v1/namespaces/default/frobs']), 'Error from server (NotFound): the server could not find the requested resource\n');
});

test('unknown fields: strict by default (400), Warning lines with --validate=warn, silent with --validate=false, apply is strict', { skip }, async () => {
  const p = file('pod-unknown-field.json', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'unknown-field' },
    spec: { frobnicate: true, containers: [{ ...container, sleepy: 1 }] },
  });
  const strict = `Error from server (BadRequest): error when creating "${p}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].sleepy", unknown field "spec.frobnicate"\n`;
  expectFailure(await k(['create', '-f', p]), strict);

  const warn = await k(['create', '--validate=warn', '-f', p]);
  assert.deepEqual(warn, { code: 0, stdout: 'pod/unknown-field created\n', stderr: 'Warning: unknown field "spec.containers[0].sleepy"\nWarning: unknown field "spec.frobnicate"\n' });
  assert.equal((await k(['delete', 'pod', 'unknown-field', '--wait=false'])).code, 0);

  assert.deepEqual(await k(['create', '--validate=false', '-f', p]), { code: 0, stdout: 'pod/unknown-field created\n', stderr: '' });
  assert.equal((await k(['delete', 'pod', 'unknown-field', '--wait=false'])).code, 0);

  expectFailure(await k(['apply', '-f', p]), strict);
});

test('kubectl replace with a stale resourceVersion is a Conflict', { skip }, async () => {
  assert.equal((await k(['create', '-f', file('stale-job.json', job('stale'))])).code, 0);
  const old = await k(['get', 'job', 'stale', '-o', 'json']);
  assert.equal(old.code, 0, old.stderr);
  assert.equal((await k(['label', 'job', 'stale', 'touched=yes'])).stdout, 'job.batch/stale labeled\n');
  const stale = JSON.parse(old.stdout) as { metadata: { labels: Record<string, string> } };
  stale.metadata.labels.stale = 'true';
  const p = file('job-stale-update.json', stale);
  expectFailure(await k(['replace', '-f', p]), `Error from server (Conflict): error when replacing "${p}": Operation cannot be fulfilled on jobs.batch "stale": the object has been modified; please apply your changes to the latest version and try again\n`);
});

test('kubectl with an invalid token: You must be logged in', { skip }, async () => {
  const cfg = parseYaml(readFileSync(server.kubeconfig, 'utf8')) as { users: { user: { token: string } }[] };
  cfg.users[0]!.user.token = 'not-a-valid-token';
  const bad = file('bad.kubeconfig', stringify(cfg));
  for (const what of ['pods', 'jobs']) {
    const r = await kubectl(server, ['--kubeconfig', bad, 'get', what]);
    expectFailure(r, 'error: You must be logged in to the server (Unauthorized)\n');
  }
});

test('kubectl create of malformed JSON: a client-side parse error, and the server error with --raw', { skip }, async () => {
  const p = file('invalid-json.json', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"broken"');
  expectFailure(await k(['create', '-f', p]), `error: error parsing ${p}: unexpected EOF\n`);
  expectFailure(await k(['create', '--raw', '/api/v1/namespaces/default/pods', '-f', p]),
    'Error from server (BadRequest): the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"apiVersion":"v1","kind":"Pod ...)\n');
});

// ---- malformed requests straight over HTTPS ----

interface StatusBody { kind: string; apiVersion: string; status: string; message: string; reason: string; code: number; details?: Record<string, unknown> }

function status(r: HttpResult): StatusBody {
  assert.match(String(r.headers['content-type']), /^application\/json/, `a Status body, got ${r.status} ${r.body.slice(0, 200)}`);
  return JSON.parse(r.body) as StatusBody;
}

function expectStatus(r: HttpResult, code: number, reason: string, message: string | RegExp): void {
  const s = status(r);
  assert.equal(r.status, code, r.body.slice(0, 500));
  assert.deepEqual({ kind: s.kind, apiVersion: s.apiVersion, status: s.status, reason: s.reason, code: s.code }, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code });
  if (typeof message === 'string') assert.equal(s.message, message);
  else assert.match(s.message, message);
}

// The bad requests go to a namespace of their own: the Jobs the kubectl tests above created are
// still being worked by the Job controller (their pods, status and events), so neither the store's
// revision nor the default namespace holds still while these tests run.
const NS = 'bad-requests';
const podsPath = `/api/v1/namespaces/${NS}/pods`;

interface Item { metadata: { namespace: string; name: string; resourceVersion: string; ownerReferences?: unknown[] } }

/**
 * What a bad request could have written: every pod and job, with its resourceVersion, in the
 * namespace the requests name and in the one the mismatching body names (nothing else writes
 * there); elsewhere the name of every pod and job no controller made.
 */
async function snapshot(): Promise<{ own: string[]; elsewhere: string[] }> {
  const own: string[] = [], elsewhere: string[] = [];
  for (const path of ['/api/v1/pods', '/apis/batch/v1/jobs']) {
    const r = await apiRequest(server, 'GET', path);
    assert.equal(r.status, 200, r.body);
    const list = JSON.parse(r.body) as { kind: string; items: Item[] };
    for (const { metadata: m } of list.items) {
      const id = `${list.kind} ${m.namespace}/${m.name}`;
      if (m.namespace === NS || m.namespace === 'kube-system') own.push(`${id}@${m.resourceVersion}`);
      else if (!m.ownerReferences?.length) elsewhere.push(id);
    }
  }
  return { own, elsewhere };
}

const goodPod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...extra }, spec: { containers: [container] } });

test('the namespace for the bad requests', async () => {
  const r = await apiRequest(server, 'POST', '/api/v1/namespaces', { body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }) });
  assert.equal(r.status, 201, r.body);
});

const badRequests: { name: string; path?: string; body: () => string | Buffer; contentType?: string; code: number; reason: string; message: string | RegExp }[] = [
  {
    name: 'malformed JSON',
    body: () => '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"broken"',
    code: 400, reason: 'BadRequest',
    message: 'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"apiVersion":"v1","kind":"Pod ...)',
  },
  {
    name: 'a body over 3 MiB',
    body: () => JSON.stringify(goodPod('huge', { annotations: { big: 'x'.repeat(3 * 1024 * 1024) } })),
    code: 413, reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728',
  },
  {
    name: 'JSON nested 100k levels deep',
    body: () => `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"deep"},"spec":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    code: 400, reason: 'BadRequest', message: /max depth/,
  },
  {
    name: 'a namespace in the body that differs from the URL',
    body: () => JSON.stringify(goodPod('elsewhere', { namespace: 'kube-system' })),
    code: 400, reason: 'BadRequest', message: 'the namespace of the provided object does not match the namespace sent on the request',
  },
  {
    name: 'an unknown apiVersion in the body',
    body: () => JSON.stringify({ ...goodPod('v9pod'), apiVersion: 'v9' }),
    code: 400, reason: 'BadRequest', message: /v9/,
  },
  {
    name: 'an unknown kind in the body',
    body: () => JSON.stringify({ ...goodPod('frob'), kind: 'Frob' }),
    code: 400, reason: 'BadRequest', message: /Frob/,
  },
  {
    name: 'no name and no generateName',
    body: () => JSON.stringify({ ...goodPod(''), metadata: {} }),
    code: 422, reason: 'Invalid', message: 'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
  },
  {
    name: 'a YAML body that is a list, not an object',
    body: () => '- a\n- b\n', contentType: 'application/yaml',
    code: 400, reason: 'BadRequest', message: /^the object provided is unrecognized \(must be of type Pod\)/,
  },
  {
    name: 'an unsupported content type',
    body: () => 'hello', contentType: 'text/plain',
    code: 415, reason: 'UnsupportedMediaType', message: /^the body of the request was in an unknown format/,
  },
];

for (const c of badRequests) {
  test(`POST with ${c.name}: ${c.code} ${c.reason}, nothing written, server still answers`, async () => {
    const before = await snapshot();
    const r = await apiRequest(server, 'POST', c.path ?? podsPath, { body: c.body(), contentType: c.contentType });
    expectStatus(r, c.code, c.reason, c.message);
    assert.equal((await apiRequest(server, 'GET', '/readyz', { token: null })).body, 'ok');
    assert.deepEqual(await snapshot(), before);
  });
}

test('the server still creates a good pod after all the bad requests', async () => {
  const r = await apiRequest(server, 'POST', podsPath, { body: JSON.stringify(goodPod('after-the-storm')) });
  assert.equal(r.status, 201, r.body);
  assert.equal((JSON.parse(r.body) as { metadata: { name: string } }).metadata.name, 'after-the-storm');
});
