import { createMiddleware } from 'hono/factory'
import { authenticate, authenticateWithHousehold, startAuthentication } from '../services/auth'
import type { AppEnv } from './env'

/** Requires a valid Bearer token; puts the freshly read user in `c.var.me`. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  c.set('me', await authenticate(c.var.deps, c.req.header('authorization')))
  await next()
})

/** requireUser plus the resident's household context for triage, read in the same round trip. */
export const requireUserWithHousehold = createMiddleware<AppEnv>(async (c, next) => {
  const { me, household } = await authenticateWithHousehold(c.var.deps, c.req.header('authorization'))
  c.set('me', me)
  c.set('household', household)
  await next()
})

/**
 * Verifies the token and starts reading the user without waiting: the service reads what it
 * needs beside it (`alongside`), for routes that would otherwise take three round trips.
 */
export const startUser = createMiddleware<AppEnv>(async (c, next) => {
  c.set('caller', await startAuthentication(c.var.deps, c.req.header('authorization')))
  await next()
})
