import * as z from 'zod'

/**
 * Practical help (为民办实事), in the order the picker shows them. A help request is a ticket with
 * `kind: 'help'` and one of these as its category (docs/decisions/064-help-requests-are-tickets.md).
 */
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

/** How soon staff must act, from the triage rule. */
export const Priority = z.enum(['immediate', 'urgent', 'normal', 'low'])
export type Priority = z.infer<typeof Priority>
export const PRIORITY_LABELS: Record<Priority, string> = {
  immediate: '立即处理',
  urgent: '紧急',
  normal: '一般',
  low: '较缓',
}
