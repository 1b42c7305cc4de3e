import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatusError } from '../../api/errors.js';
import { errorMessage } from './errors.js';

test('a Status error is "Error from server (Reason): message"', () => {
  assert.equal(errorMessage(new StatusError(404, 'NotFound', 'jobs.batch "x" not found')), 'Error from server (NotFound): jobs.batch "x" not found');
});

test('a refused connection is kubectl\'s sentence plus a hint to start a server', () => {
  const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
  assert.equal(errorMessage(e, 'https://127.0.0.1:6443').split('\n')[0], 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?');
});

test('anything else is "error: message"', () => {
  assert.equal(errorMessage(new Error('boom')), 'error: boom');
});
