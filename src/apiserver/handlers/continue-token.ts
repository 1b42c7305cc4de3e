// Opaque continue tokens, shaped as apiserver's: base64 of {"v":"meta.k8s.io/v1","rv":N,"start":"<key>"}.
import { badRequest, StatusError } from '../../api/errors.js';

export interface ContinueState { rv: number; start: string }

export function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

export function decodeContinue(token: string): ContinueState {
  try {
    const s = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (s.v !== 'meta.k8s.io/v1' || typeof s.rv !== 'number' || typeof s.start !== 'string') throw new Error('bad');
    return { rv: s.rv, start: s.start };
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
