import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageRef } from './image-ref.js';

const cases = [
  { image: 'foo', full: 'docker.io/library/foo:latest', short: 'foo' },
  { image: 'library/foo:1', full: 'docker.io/library/foo:1', short: 'foo' },
  { image: 'luksa/kubia', full: 'docker.io/luksa/kubia:latest', short: 'luksa/kubia' },
  { image: 'luksa/kubia:latest', full: 'docker.io/luksa/kubia:latest', short: 'luksa/kubia' },
  { image: 'docker.io/luksa/kubia', full: 'docker.io/luksa/kubia:latest', short: 'luksa/kubia' },
  { image: 'index.docker.io/luksa/kubia:v2', full: 'docker.io/luksa/kubia:v2', short: 'luksa/kubia' },
  { image: 'registry.k8s.io/pause:3.9', full: 'registry.k8s.io/pause:3.9', short: 'registry.k8s.io/pause' },
  { image: 'localhost:5000/app', full: 'localhost:5000/app:latest', short: 'localhost:5000/app' },
  { image: 'localhost/app', full: 'localhost/app:latest', short: 'localhost/app' },
  { image: 'busybox@sha256:abc', full: 'docker.io/library/busybox@sha256:abc', short: 'busybox' },
  { image: 'centos:7', full: 'docker.io/library/centos:7', short: 'centos' },
];

for (const c of cases) {
  test(`image ref ${c.image} is ${c.full}`, () => {
    const r = parseImageRef(c.image);
    assert.deepEqual({ full: r.full, short: r.short }, { full: c.full, short: c.short });
  });
}
