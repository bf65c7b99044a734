import * as z from 'zod'
import { Id, IsoDateTime } from './common'
import { GridPath } from './grid'

// Care cameras (关爱摄像头): installed only after the person AND their family agree; consent is
// revocable; the data is managed by one designated community police officer.

export const CameraReason = z.enum([
  'elderly_alone',
  'empty_nest',
  'elderly_family_away',
  'illness',
  'disability',
  'child',
])
export type CameraReason = z.infer<typeof CameraReason>
export const CAMERA_REASON_LABELS: Record<CameraReason, string> = {
  elderly_alone: '独居老人',
  empty_nest: '空巢老人',
  elderly_family_away: '老人（子女外出务工）',
  illness: '患病',
  disability: '残疾',
  child: '困境/留守儿童',
}

export const Consent = z.object({ name: z.string(), agreedAt: IsoDateTime })

export const CameraConsent = z.object({
  id: Id,
  householdId: Id,
  path: GridPath,
  reason: CameraReason,
  /** The person cared for, and their own agreement. */
  person: Consent.extend({ personId: Id }),
  /** The family member who agreed and watches from afar. */
  family: Consent.extend({ relation: z.string(), personId: Id.optional() }),
  installedAt: IsoDateTime,
  revokedAt: IsoDateTime.optional(),
  revokedReason: z.string().optional(),
})
export type CameraConsent = z.infer<typeof CameraConsent>

/** One building's cameras: the unit the designated officer manages and lists by community. */
export const CameraRegister = z.object({
  buildingId: Id,
  path: GridPath,
  dataOfficerId: Id,
  cameras: z.array(CameraConsent),
})
export type CameraRegister = z.infer<typeof CameraRegister>

/** Households of each colour in a scope at the end of each month, for the trend chart. */
export const ColourCounts = z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() })
export type ColourCounts = z.infer<typeof ColourCounts>
export const ColourTrend = z.object({
  scopeId: Id,
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), counts: ColourCounts })),
  byCommunity: z.record(z.string(), z.array(ColourCounts)),
})
export type ColourTrend = z.infer<typeof ColourTrend>
