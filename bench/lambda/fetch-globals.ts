// The DynamoDB-client-only bundle plus the Fetch API globals, which Node loads lazily (undici) the
// first time they are touched. Hono touches them at import; this isolates that platform cost.
export { doc } from './dynamodb-only'

export const fetchApi = [globalThis.Request, globalThis.Response, globalThis.Headers]
