import type { ColourCounts, ColourTrend, GridTree, HouseholdFile } from '@anju/shared'
import { colourAt, monthEnds } from './history'
import { dayOf } from './instant'

/** Households of each colour at every month end of the history, total and per community. */
export function trendOf(grid: GridTree, households: HouseholdFile[], t0: string, today: string): ColourTrend {
  const ends = monthEnds(t0, today)
  const zero = (): ColourCounts => ({ red: 0, yellow: 0, green: 0 })
  const byCommunity: Record<string, ColourCounts[]> = Object.fromEntries(
    grid.communities.map((c) => [c.id, ends.map(zero)]),
  )
  const total = ends.map(zero)
  for (const h of households) {
    const days = h.colourHistory.map((c) => ({ day: dayOf(c.at), colour: c.colour }))
    ends.forEach((end, i) => {
      const c = colourAt(days, end)
      if (!c) return
      byCommunity[h.address.path.communityId as string][i][c]++
      total[i][c]++
    })
  }
  return { scopeId: grid.id, months: ends.map((end, i) => ({ month: end.slice(0, 7), counts: total[i] })), byCommunity }
}
