import * as z from 'zod'
import { Id, IsoDateTime } from './common'
import { DisputeSeverity } from './household'

/** The mediation ladder (五级): one level at a time, ending with a leader and a special team. */
export const DisputeLevel = z.enum(['building', 'area', 'community', 'subdistrict', 'leadership'])
export type DisputeLevel = z.infer<typeof DisputeLevel>
export const DISPUTE_LEVEL_LABELS: Record<DisputeLevel, string> = {
  building: '楼栋',
  area: '片区/网格',
  community: '社区',
  subdistrict: '街道',
  leadership: '领导包保专班',
}

export const RoundOutcome = z.enum(['resolved', 'failed', 'adjourned'], { error: '请选择调解结果' })
export type RoundOutcome = z.infer<typeof RoundOutcome>
export const ROUND_OUTCOME_LABELS: Record<RoundOutcome, string> = {
  resolved: '调解成功',
  failed: '调解失败',
  adjourned: '择期再调',
}

export const MediationRound = z.object({
  no: z.number().int().min(1),
  level: DisputeLevel,
  at: IsoDateTime,
  outcome: RoundOutcome,
  mediatorId: Id,
  note: z.string().optional(),
})
export type MediationRound = z.infer<typeof MediationRound>

/** 包保: the named leader and special team who answer for the case. */
export const Guarantor = z.object({
  leaderName: z.string(),
  team: z.array(z.string()),
  assignedAt: IsoDateTime,
})
export type Guarantor = z.infer<typeof Guarantor>

const LocalDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const FollowUpPlan = z.object({
  months: z.number().int(),
  start: LocalDateString,
  end: LocalDateString,
  /** One follow-up visit a month, on these Beijing dates. */
  visits: z.array(LocalDateString),
})
export type FollowUpPlan = z.infer<typeof FollowUpPlan>

export const DisputeStatus = z.enum(['open', 'following_up', 'closed'])
export type DisputeStatus = z.infer<typeof DisputeStatus>
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: '调解中',
  following_up: '已化解，回访中',
  closed: '已结案',
}

export const DisputeCase = z.object({
  id: Id,
  householdIds: z.array(Id).min(1),
  severity: DisputeSeverity,
  openedAt: IsoDateTime,
  level: DisputeLevel,
  status: DisputeStatus,
  /** 五级10次: at most ten rounds in all (DISPUTE_RULES.maxRounds, which cannot be imported here). */
  rounds: z.array(MediationRound).max(10, { error: '调解最多 10 次，超过 10 次的纠纷应通过诉讼、仲裁等法定途径解决' }),
  escalations: z.array(z.object({ from: DisputeLevel, to: DisputeLevel, at: IsoDateTime, reason: z.string() })),
  guarantor: Guarantor.optional(),
  followUp: FollowUpPlan.optional(),
  closedAt: IsoDateTime.optional(),
})
export type DisputeCase = z.infer<typeof DisputeCase>
