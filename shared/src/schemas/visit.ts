import * as z from 'zod'
import { Id, IsoDateTime, plainText } from './common'
import { RiskColour } from './household'

/** One home visit (走访) by a building head or community staff. */
export const Visit = z.object({
  id: Id,
  householdId: Id,
  at: IsoDateTime,
  visitorId: Id,
  note: plainText('走访记录', 0, 500).optional(),
})
export type Visit = z.infer<typeof Visit>

/** A household's overall colour from `at` on; the history is every change, in any order. */
export const ColourChange = z.object({ colour: RiskColour, at: IsoDateTime })
export type ColourChange = z.infer<typeof ColourChange>

export const VisitCadence = z.enum(['day', 'week', 'month'])
export type VisitCadence = z.infer<typeof VisitCadence>
export const VISIT_CADENCE_LABELS: Record<VisitCadence, string> = { day: '日随访', week: '周跟踪', month: '月监测' }
