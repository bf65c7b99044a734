import * as z from 'zod'
import { Id, IsoDateTime } from './common'

/** Risk colour (红黄绿). Internal to staff: residents never see it. */
export const RiskColour = z.enum(['green', 'yellow', 'red'], { error: '请选择颜色' })
export type RiskColour = z.infer<typeof RiskColour>
export const RISK_COLOUR_LABELS: Record<RiskColour, string> = { green: '绿色', yellow: '黄色', red: '红色' }

/** The four service modules plus the police-only module (专项警务). */
export const RiskModule = z.enum(['livelihood', 'governance', 'fire_safety', 'mass_org', 'policing'])
export type RiskModule = z.infer<typeof RiskModule>
export const RISK_MODULE_LABELS: Record<RiskModule, string> = {
  livelihood: '民生',
  governance: '治理',
  fire_safety: '消防',
  mass_org: '群团',
  policing: '专项警务',
}

export const Health = z.enum(['healthy', 'chronic', 'serious'])
export type Health = z.infer<typeof Health>
export const HEALTH_LABELS: Record<Health, string> = { healthy: '健康', chronic: '慢性病', serious: '大病' }

export const Disability = z.enum(['none', 'mild', 'severe'])
export type Disability = z.infer<typeof Disability>
export const DISABILITY_LABELS: Record<Disability, string> = { none: '无', mild: '轻度残疾', severe: '重度残疾' }

export const Employment = z.enum(['stable', 'unstable', 'unemployed', 'student', 'retired', 'unable'])
export type Employment = z.infer<typeof Employment>
export const EMPLOYMENT_LABELS: Record<Employment, string> = {
  stable: '稳定就业',
  unstable: '就业不稳定',
  unemployed: '失业',
  student: '在校',
  retired: '退休/不再工作',
  unable: '无劳动能力',
}

export const Member = z.object({
  name: z.string(),
  age: z.number().int().min(0).max(130),
  health: Health,
  disability: Disability,
  employment: Employment,
  /** Yuan per month, before the household's shared costs. */
  monthlyIncome: z.number().min(0),
  leftBehindChild: z.boolean().default(false),
  childInDifficulty: z.boolean().default(false),
})
export type Member = z.infer<typeof Member>

export const DisputeSeverity = z.enum(['minor', 'serious', 'major'])
export type DisputeSeverity = z.infer<typeof DisputeSeverity>
export const DISPUTE_SEVERITY_LABELS: Record<DisputeSeverity, string> = {
  minor: '一般',
  serious: '较重',
  major: '重大',
}

export const FireFindingKind = z.enum([
  'ebike_indoor_charging',
  'blocked_exit',
  'gas_hose_aged',
  'wiring_overload',
  'flammables_stored',
  'no_smoke_alarm',
  'other',
])
export type FireFindingKind = z.infer<typeof FireFindingKind>
export const FIRE_FINDING_LABELS: Record<FireFindingKind, string> = {
  ebike_indoor_charging: '电动车入户充电',
  blocked_exit: '堵塞疏散通道',
  gas_hose_aged: '燃气软管老化',
  wiring_overload: '私拉乱接电线',
  flammables_stored: '堆放易燃物',
  no_smoke_alarm: '未装烟感报警器',
  other: '其他隐患',
}

/** What moving from a mountain village into town still asks of a family. */
export const IntegrationNeed = z.enum([
  'lift_use',
  'gas_appliances',
  'literacy',
  'school_enrolment',
  'registration',
  'dialect',
  'customs',
])
export type IntegrationNeed = z.infer<typeof IntegrationNeed>
export const INTEGRATION_NEED_LABELS: Record<IntegrationNeed, string> = {
  lift_use: '不会使用电梯',
  gas_appliances: '不会使用燃气和家电',
  literacy: '识字困难',
  school_enrolment: '子女入学待办',
  registration: '户籍社保待接续',
  dialect: '语言沟通困难',
  customs: '生活习惯待适应',
}

export const PoliceFlagKind = z.enum([
  'community_correction',
  'drug_history',
  'mental_health_risk',
  'petition_risk',
  'fraud_victim',
  'other',
])
export type PoliceFlagKind = z.infer<typeof PoliceFlagKind>
export const POLICE_FLAG_LABELS: Record<PoliceFlagKind, string> = {
  community_correction: '社区矫正',
  drug_history: '吸毒史',
  mental_health_risk: '精神障碍风险',
  petition_risk: '信访风险',
  fraud_victim: '电诈受害',
  other: '其他关注',
}

export const HouseholdFacts = z.object({
  members: z.array(Member).min(1, { error: '至少登记一名家庭成员' }),
  mainEarnerLost: z.boolean().default(false),
  /** Elderly with children living elsewhere (空巢), not alone. */
  emptyNest: z.boolean().default(false),
  openDisputes: z
    .array(z.object({ id: Id, severity: DisputeSeverity, failedRounds: z.number().int().min(0) }))
    .default([]),
  fireFindings: z.array(z.object({ kind: FireFindingKind, rectified: z.boolean() })).default([]),
  integrationNeeds: z.array(IntegrationNeed).default([]),
  policeFlags: z.array(z.object({ kind: PoliceFlagKind, level: z.enum(['watch', 'high']) })).default([]),
})
export type HouseholdFacts = z.infer<typeof HouseholdFacts>

/** Staff's override of one module's colour: wins until it expires; the computed colour is kept. */
export const ColourOverride = z
  .object({
    module: RiskModule,
    colour: RiskColour,
    reason: z.string().trim().min(1, { error: '请填写调整原因' }),
    setBy: Id,
    setAt: IsoDateTime,
    expiresAt: IsoDateTime,
  })
  .refine((o) => Date.parse(o.expiresAt) > Date.parse(o.setAt), {
    error: '到期时间应晚于调整时间',
    path: ['expiresAt'],
  })
export type ColourOverride = z.infer<typeof ColourOverride>
