import { createMiddleware } from 'hono/factory'
import { authenticate } from '../services/auth'
import type { AppEnv } from './env'

/** Requires a valid Bearer token; puts the freshly read user in `c.var.me`. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  c.set('me', await authenticate(c.var.deps, c.req.header('authorization')))
  await next()
})
