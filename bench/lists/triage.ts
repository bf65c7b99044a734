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
  // The API pages the inbox (decision 067): `limit` tickets after the cursor, a cursor while more follow.
  wx.request.mockImplementation((o: { url: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
    const query = new URLSearchParams(o.url.split('?')[1] ?? '')
    const from = Number(query.get('cursor') ?? 0)
    const limit = Number(query.get('limit') ?? 20)
    const tickets = list.slice(from, from + limit)
    const data = from + limit < n ? { tickets, nextCursor: String(from + limit) } : { tickets }
    const res = { statusCode: 200, data, header: {}, errMsg: 'request:ok' }
    setTimeout(() => {
      o.success?.(res)
      o.complete?.(res)
    }, 0)
    return { abort() {} }
  })
  const page = await renderBuiltPage('packages/staff/triage/index', wx)
  // Class names are prefixed by the simulator; each row's description is unique text.
  const rows = () => (page.dom.textContent ?? '').match(/第\d+号报修/g)?.length ?? 0
  const firstPage = Math.min(n, 20)
  const wait = async (count: number) => {
    try {
      await waitFor(() => rows() >= count, `${count} triage rows`, 20_000)
    } catch (e) {
      throw new Error(
        `${(e as Error).message}: ${rows()} rendered; page says ${(page.dom.textContent ?? '').slice(0, 120)}`,
      )
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await wait(firstPage)
  const rendered = rows()
  // 加载更多 once: the appended page must travel in its own setData, not the whole list again.
  if (n > firstPage) {
    page.querySelector('.aj-load-more')?.dispatchEvent('tap')
    await wait(Math.min(n, 2 * firstPage))
  }
  writeFigures({
    ...figuresOf(`triage-${n}`, log),
    rowsRendered: rendered,
    rowsSent: firstPage,
    apiBytesPerRow: Buffer.byteLength(JSON.stringify({ tickets: list.slice(0, firstPage) })) / firstPage,
  })
}
