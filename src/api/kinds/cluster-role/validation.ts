// RBAC kinds share one set of rules: see ../role/validation.ts.
export * from '../role/validation.js';
