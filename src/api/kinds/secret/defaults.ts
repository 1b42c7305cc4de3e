// Secret defaults (pkg/apis/core/v1/defaults.go SetDefaults_Secret) and the v1 conversion that folds
// write-only stringData into base64 data (pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret).
import type { Secret } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';

export type SecretObject = KObject & Secret;

export function defaultSecret(obj: KObject): void {
  const s = obj as SecretObject;
  if (s.stringData) {
    // stringData wins over data for the same key, as upstream.
    const data = { ...s.data };
    for (const [k, v] of Object.entries(s.stringData)) data[k] = Buffer.from(v, 'utf8').toString('base64');
    s.data = data;
    delete s.stringData;
  }
  s.type ||= 'Opaque';
}

export const secretFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  type: (o) => (o as SecretObject).type ?? '',
};
