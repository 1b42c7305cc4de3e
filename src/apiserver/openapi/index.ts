// OpenAPI v2 and v3 documents generated from the kinds' field schemas; the HTTP server delegates /openapi/*.
export { openApiRoutes, acceptsJson, type OpenApiResponse, type OpenApiRoute } from './routes.js';
export { swaggerV2, openApiV3, groupVersionPaths } from './documents.js';
export { definitionName } from './definition-names.js';
