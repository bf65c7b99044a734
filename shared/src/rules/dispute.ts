// Disputes (五级10次): opened at the building head, escalated one level at a time, at most ten
// mediation rounds, a named leader and special team (包保) after more than three failures, and a
// follow-up period after resolution. Every refused move says why, so staff know what to do next.

import { IsoDateTime } from '../schemas/common'
import {
  DISPUTE_LEVEL_LABELS,
  type DisputeCase,
  DisputeLevel,
  type FollowUpPlan,
  type RoundOutcome,
} from '../schemas/dispute'
import type { DisputeSeverity } from '../schemas/household'
import { addLocalMonths, localDateOf } from './calendar'

export const DISPUTE_RULES = {
  maxRounds: 10,
  /** More failed rounds than this require 包保 before another round. */
  failedRoundsBeforeGuarantor: 3,
  followUp: { defaultMonths: 6, minMonths: 6, maxMonths: 18 },
}
export type DisputeRules = typeof DISPUTE_RULES

export type DisputeRefusal =
  | 'closed'
  | 'max_rounds'
  | 'guarantor_required'
  | 'out_of_order'
  | 'invalid_time'
  | 'follow_up_months'
  | 'not_upward'
  | 'skip_level'
  | 'not_mediated'
  | 'guarantor_incomplete'
  | 'not_resolved'
  | 'no_follow_up'
  | 'follow_up_pending'

export type DisputeResult = { ok: true; dispute: DisputeCase } | { ok: false; code: DisputeRefusal; reason: string }

const refuse = (code: DisputeRefusal, reason: string): DisputeResult => ({ ok: false, code, reason })
const LEVELS = DisputeLevel.options

export function failedRounds(d: DisputeCase): number {
  return d.rounds.filter((r) => r.outcome === 'failed').length
}

export function openDispute(input: {
  id: string
  householdIds: string[]
  severity: DisputeSeverity
  at: string
}): DisputeCase {
  return {
    id: input.id,
    householdIds: input.householdIds,
    severity: input.severity,
    openedAt: input.at,
    level: 'building',
    status: 'open',
    rounds: [],
    escalations: [],
  }
}

function lastEventAt(d: DisputeCase): number {
  const times = [
    d.openedAt,
    ...d.rounds.map((r) => r.at),
    ...d.escalations.map((e) => e.at),
    ...(d.guarantor ? [d.guarantor.assignedAt] : []),
  ].map(Date.parse)
  return Math.max(...times)
}

const WHAT: Record<'round' | 'escalation' | 'guarantor' | 'close', string> = {
  round: '调解时间',
  escalation: '上报时间',
  guarantor: '明确包保的时间',
  close: '结案时间',
}

/**
 * Refuses an instant that is not ISO 8601 with an offset, or that falls before the case's last
 * record: a bad instant would otherwise disable the order check, or throw further on.
 */
function badInstant(d: DisputeCase, at: string, what: keyof typeof WHAT): DisputeResult | undefined {
  if (!IsoDateTime.safeParse(at).success) {
    return refuse('invalid_time', `${WHAT[what]}格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00`)
  }
  if (Date.parse(at) < lastEventAt(d)) return refuse('out_of_order', `${WHAT[what]}早于该纠纷的上一条记录`)
  return undefined
}

function notOpen(d: DisputeCase): DisputeResult | undefined {
  if (d.status !== 'open') return refuse('closed', d.status === 'closed' ? '该纠纷已结案' : '该纠纷已化解，正在回访')
  return undefined
}

/** A follow-up plan: one visit a month for `months` months from the day of resolution. */
export function followUpPlan(resolvedAt: string, months: number): FollowUpPlan {
  const start = localDateOf(resolvedAt)
  const visits = Array.from({ length: months }, (_, i) => addLocalMonths(start, i + 1))
  return { months, start, end: visits[visits.length - 1], visits }
}

export interface RoundInput {
  at: string
  outcome: RoundOutcome
  mediatorId: string
  note?: string
  /** Only on resolution; the configured default when absent. */
  followUpMonths?: number
}

/** Records one mediation round at the current level; a resolution starts the follow-up plan. */
export function recordRound(d: DisputeCase, input: RoundInput, rules: DisputeRules = DISPUTE_RULES): DisputeResult {
  const closed = notOpen(d)
  if (closed) return closed
  if (d.rounds.length >= rules.maxRounds) {
    return refuse(
      'max_rounds',
      `已调解 ${d.rounds.length} 次，达到 ${rules.maxRounds} 次上限，不能再调解；请引导当事人通过诉讼、仲裁等法定途径解决`,
    )
  }
  const failed = failedRounds(d)
  if (failed > rules.failedRoundsBeforeGuarantor && !d.guarantor) {
    return refuse(
      'guarantor_required',
      `已调解失败 ${failed} 次（超过 ${rules.failedRoundsBeforeGuarantor} 次），须先明确包保领导和专班，才能再次调解`,
    )
  }
  const badTime = badInstant(d, input.at, 'round')
  if (badTime) return badTime
  const { minMonths, maxMonths, defaultMonths } = rules.followUp
  const months = input.followUpMonths ?? defaultMonths
  if (input.outcome === 'resolved' && !(Number.isInteger(months) && months >= minMonths && months <= maxMonths)) {
    return refuse('follow_up_months', `回访期应为 ${minMonths} 到 ${maxMonths} 个月`)
  }
  const round = {
    no: d.rounds.length + 1,
    level: d.level,
    at: input.at,
    outcome: input.outcome,
    mediatorId: input.mediatorId,
    note: input.note,
  }
  const next: DisputeCase = { ...d, rounds: [...d.rounds, round] }
  if (input.outcome === 'resolved') {
    next.status = 'following_up'
    next.followUp = followUpPlan(input.at, months)
  }
  return { ok: true, dispute: next }
}

/** Moves the case up exactly one level, after a failed round at the current one. */
export function escalate(d: DisputeCase, input: { to: DisputeLevel; at: string; reason: string }): DisputeResult {
  const closed = notOpen(d)
  if (closed) return closed
  const from = LEVELS.indexOf(d.level)
  const to = LEVELS.indexOf(input.to)
  if (to <= from) {
    return refuse(
      'not_upward',
      from === LEVELS.length - 1 ? '已在最高一级（领导包保专班），不能再上报' : '只能向上一级上报',
    )
  }
  if (to > from + 1) return refuse('skip_level', `不能越级上报：应先上报到${DISPUTE_LEVEL_LABELS[LEVELS[from + 1]]}`)
  const here = d.rounds.filter((r) => r.level === d.level)
  if (here.length === 0 || here[here.length - 1].outcome !== 'failed') {
    return refuse('not_mediated', `${DISPUTE_LEVEL_LABELS[d.level]}一级的最近一次调解未失败，不能上报`)
  }
  if (input.to === 'leadership' && !d.guarantor)
    return refuse('guarantor_required', '上报领导包保专班前，须先明确包保领导和专班成员')
  const badTime = badInstant(d, input.at, 'escalation')
  if (badTime) return badTime
  return {
    ok: true,
    dispute: {
      ...d,
      level: input.to,
      escalations: [...d.escalations, { from: d.level, to: input.to, at: input.at, reason: input.reason }],
    },
  }
}

/** Names the leader and special team (包保) who answer for the case. */
export function assignGuarantor(
  d: DisputeCase,
  input: { leaderName: string; team: string[]; at: string },
): DisputeResult {
  const closed = notOpen(d)
  if (closed) return closed
  const leaderName = input.leaderName.trim()
  const team = input.team.map((t) => t.trim()).filter((t) => t !== '')
  if (leaderName === '' || team.length === 0)
    return refuse('guarantor_incomplete', '包保须有一名包保领导和至少一名专班成员')
  const badTime = badInstant(d, input.at, 'guarantor')
  if (badTime) return badTime
  return { ok: true, dispute: { ...d, guarantor: { leaderName, team, assignedAt: input.at } } }
}

/** Closes a resolved case once its follow-up period has ended. */
export function closeDispute(d: DisputeCase, input: { at: string }): DisputeResult {
  if (d.status === 'closed') return refuse('closed', '该纠纷已结案')
  if (d.status === 'open') return refuse('not_resolved', '纠纷尚未化解，不能结案')
  if (!d.followUp) return refuse('no_follow_up', '没有回访计划，不能结案')
  const badTime = badInstant(d, input.at, 'close')
  if (badTime) return badTime
  if (localDateOf(input.at) < d.followUp.end)
    return refuse('follow_up_pending', `回访期到 ${d.followUp.end} 才结束，不能提前结案`)
  return { ok: true, dispute: { ...d, status: 'closed', closedAt: input.at } }
}
