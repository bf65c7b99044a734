// Drives a page of the BUILT weapp (dist/weapp) in miniprogram-simulate. j-component only knows
// Component(), so Page() is shimmed onto it; Taro's first render is asynchronous, so callers poll.
import fs from 'node:fs'
import path from 'node:path'

export const DIST = path.resolve(__dirname, '../../dist/weapp')

type Cfg = Record<string, unknown> & { onLoad?: (q: object) => void; onShow?: () => void; onReady?: () => void }
export type SimulatedPage = {
  dom: HTMLElement
  attach(parent: Element): void
  querySelector(sel: string): { dispatchEvent(name: string, options?: { detail?: unknown }): void } | null
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A waitFor that says what the page shows when it gives up (the smoke tests' one step). */
export function stepper(text: () => string, timeoutMs = 2000) {
  return async (check: () => boolean, what: string): Promise<void> => {
    try {
      await waitFor(check, what, timeoutMs)
    } catch (e) {
      throw new Error(`${(e as Error).message}; the page says: ${text().slice(-400)}`)
    }
  }
}

/** A wx API stub: callback-style success for navigation and toasts, storage in a Map. */
export function fakeWx(storage: Map<string, unknown>) {
  const ok = (name: string) =>
    jest.fn((o: { success?: (r: object) => void; complete?: (r: object) => void } = {}) => {
      o.success?.({ errMsg: `${name}:ok` })
      o.complete?.({ errMsg: `${name}:ok` })
    })
  return {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => storage.set(k, v),
    removeStorageSync: (k: string) => storage.delete(k),
    navigateTo: ok('navigateTo'),
    switchTab: ok('switchTab'),
    reLaunch: ok('reLaunch'),
    redirectTo: ok('redirectTo'),
    showToast: ok('showToast'),
    request: jest.fn(),
    login: jest.fn(),
    // The app watches these to resend failed drafts (draftSync.watchPendingDrafts).
    onNetworkStatusChange: jest.fn(),
    offNetworkStatusChange: jest.fn(),
    onAppShow: jest.fn(),
    offAppShow: jest.fn(),
  }
}

/**
 * Loads app.js, launches it at `route` and renders that page. `wx` must hold every API the page
 * touches before app.js loads: Taro copies wx's API names once, at start.
 */
export async function renderBuiltPage(
  route: string,
  wx: object,
  query: Record<string, string> = {},
): Promise<SimulatedPage> {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`No weapp build at ${DIST}. Run \`npm run build:weapp\` first (the root \`npm test\` does it).`)
  }
  const g = globalThis as Record<string, unknown>
  g.wx = wx
  const simulate = require('miniprogram-simulate')
  let appCfg: Cfg = {}
  const pages: unknown[] = []
  g.App = (cfg: Cfg) => {
    appCfg = cfg
  }
  g.getApp = () => appCfg
  g.getCurrentPages = () => pages
  g.Page = (cfg: Cfg) => {
    const methods: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v
    ;(g.Component as (c: object) => void)({
      data: cfg.data,
      methods,
      lifetimes: {
        attached(this: Cfg & { route: string; options: object }) {
          this.route = route
          this.options = query
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
        },
        ready(this: Cfg) {
          this.onReady?.()
        },
      },
    })
  }
  require(path.join(DIST, 'app.js'))
  ;(appCfg.onLaunch as (o: object) => void)({ path: route, query, scene: 1001 })
  const page: SimulatedPage = simulate.render(simulate.load(path.join(DIST, route), { rootPath: DIST }))
  page.attach(document.createElement('parent-wrapper'))
  return page
}
