import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indent, wrap } from './explain.js';

test('wrap breaks at the last space within the width, and keeps long words whole', () => {
  assert.equal(wrap('aaa bbb ccc ddd', 7), 'aaa bbb\nccc ddd');
  assert.equal(wrap('short https://example.com/a/very/long/url tail', 10), 'short\nhttps://example.com/a/very/long/url\ntail');
});

test('wrap counts an existing newline as an ordinary character (goutils.WrapCustom)', () => {
  assert.equal(wrap('ab\ncd ef gh', 5), 'ab\ncd\nef gh');
});

test('indent pads every line, the empty last one too', () => {
  assert.equal(indent(2, 'a\nb\n'), '  a\n  b\n  ');
});
