import * as z from 'zod'
import { Id, IsoDateTime, plainText } from './common'

/** Practical help (为民办实事), in the order the picker shows them. */
export const HelpRequestCategory = z.enum(['atm_cash', 'home_repair', 'night_escort', 'errand', 'other'], {
  error: '请选择需要的帮助',
})
export type HelpRequestCategory = z.infer<typeof HelpRequestCategory>
export const HELP_REQUEST_CATEGORY_LABELS: Record<HelpRequestCategory, string> = {
  atm_cash: '取现帮助',
  home_repair: '上门小修',
  night_escort: '夜间送医',
  errand: '代办',
  other: '其他',
}

export const HelpRequestStatus = z.enum(['submitted', 'accepted', 'done', 'cancelled'])
export type HelpRequestStatus = z.infer<typeof HelpRequestStatus>
export const HELP_REQUEST_STATUS_LABELS: Record<HelpRequestStatus, string> = {
  submitted: '待受理',
  accepted: '已安排',
  done: '已完成',
  cancelled: '已取消',
}

export const HELP_REQUEST_DESCRIPTION_MAX = 300
export const helpRequestDescription = plainText('需求说明', 1, HELP_REQUEST_DESCRIPTION_MAX)

export const HelpRequest = z.object({
  id: Id,
  householdId: Id,
  category: HelpRequestCategory,
  description: z.string(),
  status: HelpRequestStatus,
  createdAt: IsoDateTime,
  createdBy: Id,
})
export type HelpRequest = z.infer<typeof HelpRequest>

/** How soon staff must act, from the triage rule. */
export const Priority = z.enum(['immediate', 'urgent', 'normal', 'low'])
export type Priority = z.infer<typeof Priority>
export const PRIORITY_LABELS: Record<Priority, string> = {
  immediate: '立即处理',
  urgent: '紧急',
  normal: '一般',
  low: '较缓',
}
