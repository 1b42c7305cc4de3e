// The field schema of every kind: strict decoding checks, patch metadata and the tree OpenAPI is built from.
export { checkFields, type FieldCheck } from './check-fields.js';
export { findDuplicateFields } from './duplicate-fields.js';
export { decodeErrorMessage, strictDecodingMessage, strictErrorStrings } from './strict-message.js';
export { childModel, fieldShape, listFacts, patchMeta, type ListFacts, type PatchMeta, type PatchStrategy } from './patch-meta.js';
export { elementModel, fieldSchema, goStructName, isModel, modelFields, reachableModels } from './type-map.js';
export type { FieldSchema, FieldType, ScalarKind } from './type-map.js';
