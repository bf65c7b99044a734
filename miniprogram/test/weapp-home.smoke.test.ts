/**
 * Smoke test of the BUILT weapp (dist/weapp): the home page renders with a signed-in resident
 * and tapping 物业报修 asks WeChat to open the report form. Build first: `npm run build:weapp`
 * (the root `npm test` does). Uses the Page→Component shim, since j-component knows only Component().
 */
import fs from 'node:fs'
import path from 'node:path'

const DIST = path.resolve(__dirname, '../dist/weapp')
const HOME = 'pages/index/index'

type Cfg = Record<string, unknown> & { onLoad?: (q: object) => void; onShow?: () => void; onReady?: () => void }
type Simulated = {
  dom: HTMLElement
  attach(parent: Element): void
  querySelector(sel: string): { dispatchEvent(name: string): void } | null
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const ME = {
  id: 'u-resident-1',
  name: '张秀英',
  role: 'resident',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1', buildingId: 'b5', householdId: 'h1' },
  home: {
    path: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1', buildingId: 'b5', householdId: 'h1' },
    communityName: '卯家湾社区',
    areaName: '一片区',
    buildingName: '5栋',
    unitName: '1单元',
    roomNo: '0302',
  },
}

describe('built weapp home page', () => {
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-u-resident-1'],
    ['anju.user', ME],
  ])
  const ok = (name: string) =>
    jest.fn((o: { success?: (r: object) => void; complete?: (r: object) => void } = {}) => {
      o.success?.({ errMsg: `${name}:ok` })
      o.complete?.({ errMsg: `${name}:ok` })
    })
  // Taro copies wx's API names when app.js loads, so every API the pages touch must exist first.
  const wxMock = {
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
  }
  let page: Simulated

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'app.js'))) {
      throw new Error(`No weapp build at ${DIST}. Run \`npm run build:weapp\` first (the root \`npm test\` does it).`)
    }
    const g = globalThis as Record<string, unknown>
    g.wx = wxMock
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
          attached(this: Cfg & { route: string }) {
            this.route = HOME
            pages.push(this)
            this.onLoad?.({})
            this.onShow?.()
          },
          ready(this: Cfg) {
            this.onReady?.()
          },
        },
      })
    }
    require(path.join(DIST, 'app.js'))
    ;(appCfg.onLaunch as (o: object) => void)({ path: HOME, query: {}, scene: 1001 })
    page = simulate.render(simulate.load(path.join(DIST, HOME), { rootPath: DIST }))
    page.attach(document.createElement('parent-wrapper'))
    await waitFor(() => (page.dom.textContent ?? '').includes('物业报修'), 'the home page to render')
  })

  it('shows the four services, each with its word, and the resident’s home', () => {
    const text = page.dom.textContent ?? ''
    for (const name of [
      '找工作',
      '物业报修',
      '为民办实事',
      '普法书架',
      '即将开放',
      '读给我听',
      '我家：5栋1单元0302室',
    ]) {
      expect(text).toContain(name)
    }
  })

  it('opens the report form when 物业报修 is tapped', async () => {
    // Prepare
    const tile = page.querySelector('.aj-service-report')
    expect(tile).not.toBeNull()
    // Act
    tile?.dispatchEvent('tap')
    // Assess
    await waitFor(() => wxMock.navigateTo.mock.calls.length > 0, 'wx.navigateTo')
    const [options] = wxMock.navigateTo.mock.calls[0] as unknown as [{ url: string }]
    expect(options.url).toMatch(/^\/packages\/resident\/report\/index/)
  })

  it('does not navigate for a service that is not open yet', async () => {
    const before = wxMock.navigateTo.mock.calls.length
    page.querySelector('.aj-service-job')?.dispatchEvent('tap')
    await waitFor(() => wxMock.showToast.mock.calls.length > 0, 'the coming-soon toast')
    expect(wxMock.navigateTo.mock.calls.length).toBe(before)
  })
})
