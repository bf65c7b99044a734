// The API of the local stack alone (createApp through createLocalApi, served by @hono/node-server)
// in its own process, so the load generator does not share its event loop. Reads
// DYNAMODB_ENDPOINT and TABLE_NAME; prints `READY <port>` once listening on 127.0.0.1.
import { serve } from '@hono/node-server'
import { createLocalApi } from '../../functions/src/local/wiring'

process.env.STAGE ??= 'local'
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const { api } = createLocalApi()
const server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`READY ${info.port}\n`)
})
// The parent going away (even killed) closes stdin: stop then, never linger.
process.stdin.on('end', () => server.close(() => process.exit(0)))
process.stdin.resume()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
