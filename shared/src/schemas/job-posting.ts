import * as z from 'zod'
import { fold, normaliseMobile } from '../rules/normalise'
import { blankToUndefined, codePointLength, stripInvisible } from '../rules/text'
import { Id, IdempotencyKey, IsoDateTime, optionalText } from './common'
import { formNumber, localDate } from './fields'
import { GridPath } from './grid'
import { JobPosting, Literacy, Physical } from './job'
import { SkillList, skillList } from './job-profile'

// A posting as staff (community, sub-district, property) write it, and as it is stored. The
// matching rule's JobPosting stays the core: `monthlyWage` is the lower end of the range, so a
// seeker is never promised more than the employer guarantees.

export const POSTING_TEXT = { employer: 40, title: 30, description: 500, placeName: 40 } as const

/** Letters (any script, so Chinese characters too) and digits: what makes a name a name. */
const WORD_CHARACTER = /[\p{L}\p{N}]/gu
// A tab splits a one-line text as a line break does (shown as a gap on the card).
const LINE_BREAK = /[\n\r\t\v\f\u2028\u2029\u0085]/

/**
 * A posting's text, trimmed, its length in code points (invisible marks never count as content).
 * One message for a blank field, as `plainText` gives, but without aborting the parse: the
 * posting's cross-field checks still run beside it, so the form shows every problem at once.
 * A line (`line`: employer, title, place) is one line with at least two letters, Chinese
 * characters or digits: '😀😀' or '🔥🔥🔥' names no employer, and a card shows one line.
 */
function postingText(label: string, min: number, max: number, kind: 'line' | 'text') {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
      .superRefine((s, ctx) => {
        const add = (message: string) => ctx.addIssue({ code: 'custom', message, input: s })
        const seen = stripInvisible(s).trim()
        if (seen === '') return add(`请填写${label}`)
        if (codePointLength(seen) < min) add(`${label}至少 ${min} 个字`)
        else if (kind === 'line' && (seen.match(WORD_CHARACTER)?.length ?? 0) < 2) add(`${label}要写上文字`)
        if (kind === 'line' && LINE_BREAK.test(s)) add(`${label}不能换行`)
        if (codePointLength(s) > max) add(`${label}最多 ${max} 个字`)
      }),
  )
}

/** On-site work is in a building of the grid; off-site work is a place and its distance. */
export const PostingPlaceInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('building'), buildingId: Id }),
    z.object({
      kind: z.literal('offsite'),
      placeName: postingText('工作地点', 2, POSTING_TEXT.placeName, 'line'),
      distanceKm: formNumber('离社区的距离（公里）', 0.1, 300).pipe(z.number({ error: '请填写离社区的距离（公里）' })),
    }),
  ],
  { error: '请选择工作地点（小区楼栋或外地）' },
)
export type PostingPlaceInput = z.infer<typeof PostingPlaceInput>

export const PostingPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('building'), buildingId: Id, name: z.string() }),
  z.object({ kind: z.literal('offsite'), placeName: z.string(), distanceKm: z.number() }),
])
export type PostingPlace = z.infer<typeof PostingPlace>

const LANDLINE = /^0\d{2,3}-?\d{7,8}$/
/** A mobile or a landline with its area code (0870-1234567); blank is absent. */
export const JobContactPhone = z.preprocess(
  blankToUndefined,
  z
    .string({ error: '联系电话必须是文字' })
    .transform((s, ctx) => {
      const folded = fold(s).trim().replace(/\s/g, '')
      if (LANDLINE.test(folded)) return folded
      const mobile = normaliseMobile(s)
      if (mobile.ok) return mobile.value
      ctx.addIssue({ code: 'custom', message: '联系电话应为 11 位手机号，或带区号的座机（如 0870-1234567）', input: s })
      return z.NEVER
    })
    .optional(),
)

const hour = (label: string) =>
  formNumber(label, 0, 24).pipe(z.number({ error: `请填写${label}` }).int({ error: `${label}应为整点（0–24）` }))

const requiredNumber = (label: string, min: number, max: number) =>
  formNumber(label, min, max).pipe(z.number({ error: `请填写${label}` }))

const postingFields = {
  employer: postingText('用工单位', 2, POSTING_TEXT.employer, 'line'),
  title: postingText('岗位名称', 2, POSTING_TEXT.title, 'line'),
  description: optionalText(postingText('岗位说明', 1, POSTING_TEXT.description, 'text')),
  place: PostingPlaceInput,
  wageMin: requiredNumber('最低月薪（元）', 500, 50000),
  wageMax: requiredNumber('最高月薪（元）', 500, 50000),
  startHour: hour('上班时间'),
  endHour: hour('下班时间'),
  physical: Physical.default('moderate'),
  skills: SkillList.default([]),
  niceSkills: skillList('加分技能').default([]),
  minExperienceYears: formNumber('经验要求（年）', 0, 30).optional(),
  literacy: Literacy.default('none'),
  minAge: formNumber('最低年龄', 16, 70).optional(),
  maxAge: formNumber('最高年龄', 16, 70).optional(),
  headcount: formNumber('招聘人数', 1, 999).pipe(
    z.number({ error: '请填写招聘人数' }).int({ error: '招聘人数应为整数' }),
  ),
  expiresOn: localDate('截止日期'),
  contactPhone: JobContactPhone,
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * Checks across fields; each message names the field it sits on. They run even when other fields
 * failed (a form shows every problem at once), but only on fields that parsed: a field that is
 * missing, of the wrong type or out of range has its own message, never a misleading second one.
 */
function checkPosting(p: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const failed = new Set(ctx.issues.map((i) => String(i.path?.[0])))
  const ok = (...fields: string[]) => fields.every((f) => !failed.has(f))
  const numbers = (a: string, b: string) => ok(a, b) && isNumber(p[a]) && isNumber(p[b])
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (numbers('wageMin', 'wageMax') && (p.wageMin as number) > (p.wageMax as number))
    add('wageMax', '最高月薪不能低于最低月薪')
  if (numbers('startHour', 'endHour') && (p.startHour as number) % 24 === (p.endHour as number) % 24)
    add('endHour', '下班时间不能和上班时间相同')
  if (numbers('minAge', 'maxAge') && (p.minAge as number) > (p.maxAge as number))
    add('maxAge', '最高年龄不能低于最低年龄')
  if (ok('skills', 'niceSkills') && Array.isArray(p.skills) && Array.isArray(p.niceSkills)) {
    const required = new Set(p.skills)
    if (p.niceSkills.some((s) => required.has(s))) add('niceSkills', '加分技能不能和必需技能重复')
  }
}

/** Cross-field checks run whatever else failed (zod skips a plain refinement after any issue). */
const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null }

export const PostingInput = z.object(postingFields).superRefine(checkPosting, ALWAYS)
export type PostingInput = z.infer<typeof PostingInput>

/**
 * PUT /api/jobs/postings/:id: the posting as edited, and `basedOn`, the `updatedAt` of the posting
 * the editor opened. Two staff editing at once: the second save is refused (409), not silently
 * written over the first.
 */
export const EditPostingBody = z
  .object({ ...postingFields, basedOn: IsoDateTime.optional() })
  .superRefine(checkPosting, ALWAYS)
export type EditPostingBody = z.infer<typeof EditPostingBody>

export const CreatePostingBody = z
  .object({ ...postingFields, idempotencyKey: IdempotencyKey })
  .superRefine(checkPosting, ALWAYS)
export type CreatePostingBody = z.infer<typeof CreatePostingBody>

export const PostingStatus = z.enum(['open', 'closed'], { error: '招聘状态只能是招聘中或已停止招聘' })
export type PostingStatus = z.infer<typeof PostingStatus>
export const POSTING_STATUS_LABELS: Record<PostingStatus, string> = { open: '招聘中', closed: '已停止招聘' }

/** As stored: the rule's posting plus what the board shows and who may manage it. */
export const StoredPosting = JobPosting.and(
  z.object({
    description: z.string().optional(),
    place: PostingPlace,
    wageMax: z.number(),
    headcount: z.number().int().min(1),
    status: PostingStatus,
    expiresOn: z.string(),
    contactPhone: z.string().optional(),
    postedAt: IsoDateTime,
    /** The grid node whose staff manage it (the poster's scope). */
    scope: GridPath,
    postedBy: z.object({ userId: z.string(), name: z.string() }).optional(),
    closedAt: IsoDateTime.optional(),
    updatedAt: IsoDateTime.optional(),
  }),
)
export type StoredPosting = z.infer<typeof StoredPosting>
