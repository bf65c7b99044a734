import { type ServerType, serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * One origin for the whole local platform: the API under /api (the same Hono app the Lambda
 * runs) and the H5 build everywhere else. One origin means no CORS and the H5 app can call '/api'.
 */
/** Anything with a Fetch handler: the API app, whatever its Env type. */
interface FetchApp {
  fetch: (request: Request) => Response | Promise<Response>
}

export function localSite(api: FetchApp, h5Root: string): Hono {
  const site = new Hono()
  // Delegate whole requests so the API keeps its own JSON 404s and error handling.
  site.all('/api/*', (c) => api.fetch(c.req.raw))
  site.use(
    '/*',
    serveStatic({
      root: h5Root,
      // The H5 app uses the hash router, so every page is index.html; assets are content-hashed.
      onFound: (file, c) => {
        c.header('Cache-Control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable')
      },
    }),
  )
  // Unknown page paths get the app (hash routing decides); a missing asset stays a plain 404,
  // so a broken build shows up as such instead of as HTML served for a script.
  site.get('*', (c, next) => (/\.[a-z0-9]+$/i.test(c.req.path) ? c.text('Not found', 404) : next()))
  site.get('*', serveStatic({ root: h5Root, path: 'index.html' }))
  return site
}

export function listen(site: Hono, port: number, host: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: site.fetch, port, hostname: host }, () => resolve(server))
    server.once('error', reject)
  })
}
