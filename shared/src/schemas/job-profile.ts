import * as z from 'zod'
import { formBoolean, formNumber } from './fields'
import { Literacy, Physical, Skill } from './job'

// What a job seeker tells us (我要找工作 → 我的求职信息). Only the hours are required: a resident who
// cannot say more still gets matched. Everything the household file already knows (age, health,
// disability, where they live) is read from there, never asked again.

/** When the person can work. One choice, in plain words (a picture beside each on the page). */
export const Availability = z.enum(['day', 'night', 'any', 'part_time'], { error: '请选择能上班的时间' })
export type Availability = z.infer<typeof Availability>
export const AVAILABILITY_LABELS: Record<Availability, string> = {
  day: '只上白班',
  night: '只上夜班',
  any: '白班夜班都可以',
  part_time: '只做短时工（每天5小时以内）',
}

/** The hours each choice leaves free; part-time is any hour but at most PART_TIME_HOURS a day. */
export const AVAILABILITY_WINDOWS: Record<Availability, { start: number; end: number } | undefined> = {
  day: { start: 6, end: 20 },
  night: { start: 18, end: 8 },
  any: undefined,
  part_time: undefined,
}
export const PART_TIME_HOURS = 5

/** 接送孩子: the school run in the morning and afternoon, when work may not be scheduled. */
export const SCHOOL_RUN_WINDOWS = [
  { start: 7, end: 8 },
  { start: 16, end: 18 },
] as const

export const PHYSICAL_LIMIT_LABELS: Record<Physical, string> = {
  light: '只能干轻活',
  moderate: '能干一般体力活',
  heavy: '重活也能干',
}

/** "能看懂工作说明吗" in the resident's words. */
export const READING_LABELS: Record<Literacy, string> = {
  none: '看不懂，需要别人讲',
  basic: '能看懂简单的',
  fluent: '能看懂',
}

/** Commute choices offered as buttons; any number in range is accepted from the API. */
export const COMMUTE_CHOICES_KM = [1, 3, 5, 10, 20] as const

/** Up to 10 skills, no repeats, each from the fixed list; `label` names the field. */
export function skillList(label: string) {
  return z
    .array(z.enum(Skill.options, { error: `${label}里有不认识的技能` }), { error: `${label}格式不正确` })
    .max(10, { error: `${label}最多选 10 项` })
    .refine((list) => new Set(list).size === list.length, { error: `${label}不能重复选择` })
}
export const SkillList = skillList('技能')

export const JobProfileInput = z.object({
  availability: Availability,
  schoolRun: formBoolean('是否需要接送孩子').optional(),
  skills: SkillList.default([]),
  experienceYears: formNumber('工作经验（年）', 0, 50).optional(),
  maxCommuteKm: formNumber('最远能去多远（公里）', 0.5, 100).optional(),
  physicalLimit: z.enum(Physical.options, { error: '请选择身体能干什么活' }).optional(),
  expectedWage: formNumber('期望月薪（元）', 0, 50000).optional(),
  reading: z.enum(Literacy.options, { error: '请选择能不能看懂工作说明' }).optional(),
})
export type JobProfileInput = z.infer<typeof JobProfileInput>

/** Who last wrote the profile: the person, or a building head or staff member on their behalf. */
export const ProfileAuthor = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  onBehalf: z.boolean(),
})
export type ProfileAuthor = z.infer<typeof ProfileAuthor>

export const JobProfile = JobProfileInput.extend({
  updatedAt: z.string(),
  updatedBy: ProfileAuthor,
})
export type JobProfile = z.infer<typeof JobProfile>
