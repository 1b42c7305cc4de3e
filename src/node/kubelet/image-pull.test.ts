import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Container } from 'kubernetes-types/core/v1.js';
import { builtinProgram } from '../images/resolve.js';
import { ensureImage } from './image-pull.js';

const dataDir = mkdtempSync(join(tmpdir(), 'kubelite-pull-'));
test.after(() => rmSync(dataDir, { recursive: true, force: true }));

const kubiaSize = statSync(builtinProgram('luksa/kubia')!).size;
const FP = 'spec.containers{c}';
const pulled = (image: string, size: number) => [
  `Normal Pulling Pulling image "${image}"`,
  new RegExp(`^Normal Pulled Successfully pulled image "${image.replace(/[.]/g, '\\.')}" in (0s|\\d+ms) \\(\\1 including waiting\\)\\. Image size: ${size} bytes\\.$`),
];

const cases: Array<{ name: string; container: Container; usesImages?: boolean; events: Array<string | RegExp>; waiting?: string }> = [
  { name: 'Always pulls a present image on every start', container: { name: 'c', image: 'luksa/kubia', imagePullPolicy: 'Always' }, events: pulled('luksa/kubia', kubiaSize) },
  { name: 'IfNotPresent finds it present', container: { name: 'c', image: 'luksa/kubia:v1', imagePullPolicy: 'IfNotPresent' }, events: ['Normal Pulled Container image "luksa/kubia:v1" already present on machine'] },
  { name: 'Never finds it present', container: { name: 'c', image: 'luksa/kubia', imagePullPolicy: 'Never' }, events: ['Normal Pulled Container image "luksa/kubia" already present on machine'] },
  { name: 'a host command image under Always: pulled, size 0', container: { name: 'c', image: 'busybox', imagePullPolicy: 'Always', command: ['true'] }, events: pulled('busybox', 0) },
  {
    name: 'an image the store lacks fails to pull', container: { name: 'c', image: 'nosuch:1', imagePullPolicy: 'IfNotPresent' }, waiting: 'ErrImagePull',
    events: ['Normal Pulling Pulling image "nosuch:1"', /^Warning Failed Failed to pull image "nosuch:1": rpc error: code = NotFound/, 'Warning Failed Error: ErrImagePull'],
  },
  {
    name: 'under Never it is not pulled at all', container: { name: 'c', image: 'nosuch:1', imagePullPolicy: 'Never' }, waiting: 'ErrImageNeverPull',
    events: ['Warning ErrImageNeverPull Container image "nosuch:1" is not present with pull policy of Never', 'Warning Failed Error: ErrImageNeverPull'],
  },
  { name: 'the simulated runtime has every image', container: { name: 'c', image: 'nosuch:1', imagePullPolicy: 'IfNotPresent' }, usesImages: false, events: ['Normal Pulled Container image "nosuch:1" already present on machine'] },
];

for (const c of cases) {
  test(c.name, () => {
    const events: string[] = [];
    const out = ensureImage({ usesImages: c.usesImages ?? true, dataDir, event: (type, reason, message, fp) => { assert.equal(fp, FP); events.push(`${type} ${reason} ${message}`); } }, c.container, FP);
    assert.equal(events.length, c.events.length, events.join('\n'));
    c.events.forEach((want, i) => (typeof want === 'string' ? assert.equal(events[i], want) : assert.match(events[i]!, want)));
    if (c.waiting) {
      assert.ok('waiting' in out);
      assert.equal(out.waiting.reason, c.waiting);
    } else assert.ok('image' in out);
  });
}
