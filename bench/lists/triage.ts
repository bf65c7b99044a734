// The staff triage list with N tickets from a fake API: rows rendered, setData payloads, API bytes
// per row. One scenario per test file: app.js can be loaded once per module registry.
import type { Ticket } from '@anju/shared'
import { ticket } from '../../miniprogram/test/support/fixtures'
import { fakeWx, renderBuiltPage, waitFor } from '../../miniprogram/test/support/weappSim'
import { figuresOf, recordSetData, writeFigures } from './record'

const STAFF = {
  id: 'u-staff-bench',
  name: '周丽琼',
  role: 'community_staff',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw' },
}

export function tickets(n: number): Ticket[] {
  return Array.from({ length: n }, (_, i) =>
    ticket({
      id: `01JBENCH${String(i).padStart(18, '0')}`,
      description: `第${i + 1}号报修：楼道灯不亮，晚上看不见台阶`,
      createdAt: `2026-12-0${1 + (i % 3)}T${String(8 + (i % 10)).padStart(2, '0')}:00:00+08:00`,
    }),
  )
}

export async function measureTriage(n: number): Promise<void> {
  const log = recordSetData()
  const list = tickets(n)
  const storage = new Map<string, unknown>([
    ['anju.token', 'tok-staff'],
    ['anju.user', STAFF],
  ])
  const wx = fakeWx(storage)
  wx.request.mockImplementation((o: { success?: (r: object) => void; complete?: (r: object) => void }) => {
    const res = { statusCode: 200, data: { tickets: list }, header: {}, errMsg: 'request:ok' }
    setTimeout(() => {
      o.success?.(res)
      o.complete?.(res)
    }, 0)
    return { abort() {} }
  })
  const page = await renderBuiltPage('packages/staff/triage/index', wx)
  // Class names are prefixed by the simulator; each row's description is unique text.
  const rows = () => (page.dom.textContent ?? '').match(/第\d+号报修/g)?.length ?? 0
  try {
    await waitFor(() => rows() >= n, `${n} triage rows`, 20_000)
  } catch (e) {
    throw new Error(
      `${(e as Error).message}: ${rows()} rendered; page says ${(page.dom.textContent ?? '').slice(0, 120)}`,
    )
  }
  await new Promise((r) => setTimeout(r, 200))
  writeFigures({
    ...figuresOf(`triage-${n}`, log),
    rowsRendered: rows(),
    rowsSent: n,
    apiBytesPerRow: Buffer.byteLength(JSON.stringify({ tickets: list })) / n,
  })
}
