import type { KObject } from '../../object.js';
import { age } from '../shared/duration.js';
import { ageColumn, nameColumn } from '../shared/columns.js';

export const columns = [nameColumn, ageColumn];

export function cells(obj: KObject, now: number): unknown[] {
  return [obj.metadata.name, age(obj.metadata.creationTimestamp, now)];
}
