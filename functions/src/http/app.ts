import type { Me } from '@anju/shared'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ulid } from 'ulidx'
import type { Config } from '../config'
import type { DocClient } from '../db/client'
import { PayloadTooLargeError } from '../errors'
import { createPhotoStore, type PhotoStore } from '../photos'
import { LOCAL_UPLOAD_PATH } from '../photos/local'
import type { ServiceDeps } from '../services/deps'
import { requireUser } from './auth'
import type { AppEnv } from './env'
import { notFoundResponse, toErrorResponse } from './errors'
import { authRoutes } from './routes/auth'
import { householdRoutes } from './routes/households'
import { jobPostingRoutes, jobSeekerStaffRoutes } from './routes/job-postings'
import { jobRoutes } from './routes/jobs'
import { notificationRoutes } from './routes/notifications'
import { open311Routes } from './routes/open311'
import { photoRoutes, ticketPhotoRoutes } from './routes/photos'
import { ticketDuplicateRoutes } from './routes/ticket-duplicates'
import { ticketRoutes } from './routes/tickets'

export interface AppDeps {
  doc: DocClient
  tableName: string
  config: Config
  /** Injected so tests can fix time; defaults to the wall clock. */
  now?: () => Date
  /** Injected so tests can fix ids; defaults to ULIDs (sortable, case-sensitive). */
  newId?: () => string
  /** Defaults to the store the config names (S3 bucket, or a local folder in STAGE=local). */
  photos?: PhotoStore
}

/** The largest JSON body a route accepts. */
export const MAX_BODY_BYTES = 64 * 1024

export function createApp(deps: AppDeps) {
  const services: ServiceDeps = {
    db: { doc: deps.doc, tableName: deps.tableName },
    config: deps.config,
    now: deps.now ?? (() => new Date()),
    newId: deps.newId ?? (() => ulid()),
    photos: deps.photos ?? createPhotoStore(deps.config),
  }
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('deps', services)
    await next()
  })
  // Every body here is a small JSON form (photos and voice go straight to storage by presigned
  // URL), so anything larger is refused before it is read into memory. The one exception is the
  // local stack's stand-in for S3, which sets its own limit (routes/photos.ts).
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError()
    },
  })
  app.use((c, next) => (c.req.path === LOCAL_UPLOAD_PATH ? next() : jsonLimit(c, next)))
  app.onError(toErrorResponse)
  app.notFound(notFoundResponse)

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.route('/api/auth', authRoutes)
  app.get('/api/me', requireUser, (c) => c.json<Me>(c.var.me))
  app.route('/api/tickets', ticketDuplicateRoutes)
  app.route('/api/tickets', ticketRoutes)
  app.route('/api/households', householdRoutes)
  // Staff jobs routes before the resident's /api/jobs/:id, so 'postings' and 'seekers' are never an id.
  app.route('/api/jobs/postings', jobPostingRoutes)
  app.route('/api/jobs/seekers', jobSeekerStaffRoutes)
  app.route('/api/jobs', jobRoutes)
  app.route('/api/open311/v2', open311Routes)
  app.route('/api/tickets', ticketPhotoRoutes)
  app.route('/api/photos', photoRoutes)
  app.route('/api/notifications', notificationRoutes)
  return app
}
