import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allKinds } from '../api/kinds/index.js';
import { Discovery } from './discovery.js';

const discovery = new Discovery(allKinds, '127.0.0.1:6443');
const goldenDir = [resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/golden/discovery'), '/work/shared/reference/golden/discovery'].find(existsSync);

interface Resource { name: string; singularName: string; namespaced: boolean; kind: string; verbs: string[]; shortNames?: string[]; categories?: string[] }

const files: Array<[string, string, string]> = [
  ['', 'v1', 'api_v1.json'], ['batch', 'v1', 'apis_batch_v1.json'], ['apps', 'v1', 'apis_apps_v1.json'],
  ['rbac.authorization.k8s.io', 'v1', 'apis_rbac.authorization.k8s.io_v1.json'],
  ['coordination.k8s.io', 'v1', 'apis_coordination.k8s.io_v1.json'], ['events.k8s.io', 'v1', 'apis_events.k8s.io_v1.json'],
];

for (const [group, version, file] of files) {
  test(`discovery of ${group || 'core'}/${version} matches a real cluster for the resources kubelite serves`, { skip: goldenDir ? false : 'golden reference absent' }, () => {
    const golden = JSON.parse(readFileSync(join(goldenDir!, file), 'utf8')) as { resources: Resource[] };
    const ours = (discovery.resourceList(group, version) as { resources: Resource[] }).resources;
    const served = new Set(ours.map((r) => r.name));
    const pick = (r: Resource) => ({ name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories });
    // Every top-level resource we serve is described exactly as upstream describes it.
    for (const r of ours.filter((x) => !x.name.includes('/'))) {
      const g = golden.resources.find((x) => x.name === r.name);
      assert.ok(g, `${r.name} is not an upstream resource`);
      assert.deepEqual(pick(r), pick(g));
    }
    // The status and scale subresources upstream has for those resources are there too.
    for (const g of golden.resources.filter((x) => /\/(status|scale)$/.test(x.name) && served.has(x.name.split('/')[0]!))) {
      assert.ok(served.has(g.name), `missing subresource ${g.name}`);
    }
  });
}

test('aggregated discovery lists each group once, with scope and subresources', () => {
  const { body, etag } = discovery.aggregated(false, 'v2');
  const doc = JSON.parse(body) as { apiVersion: string; items: Array<{ metadata: { name: string }; versions: Array<{ resources: Array<{ resource: string; scope: string; subresources?: Array<{ subresource: string }> }> }> }> };
  assert.equal(doc.apiVersion, 'apidiscovery.k8s.io/v2');
  assert.match(etag, /^"[0-9A-F]+"$/);
  const batch = doc.items.find((i) => i.metadata.name === 'batch')!;
  const jobs = batch.versions[0]!.resources.find((r) => r.resource === 'jobs')!;
  assert.equal(jobs.scope, 'Namespaced');
  assert.deepEqual(jobs.subresources?.map((s) => s.subresource), ['status']);
  const core = JSON.parse(discovery.aggregated(true, 'v2beta1').body) as { items: Array<{ metadata: { name: string } }> };
  assert.deepEqual(core.items.map((i) => i.metadata.name), ['']);
});
