import * as z from 'zod'
import { Id } from './common'
import { Disability, Health, RiskColour } from './household'

/** Skills the job service records; at most 31 so a set fits one 32-bit mask. */
export const Skill = z.enum(
  [
    'forklift',
    'driving',
    'construction',
    'masonry',
    'electrician',
    'welding',
    'plumbing',
    'cooking',
    'cleaning',
    'farming',
    'mushroom',
    'greenhouse',
    'livestock',
    'cashier',
    'retail',
    'warehouse',
    'delivery',
    'security',
    'elderly_care',
    'childcare',
    'sewing',
    'embroidery',
    'handicraft',
    'computer',
    'hairdressing',
  ],
  { error: '有不认识的技能' },
)
export type Skill = z.infer<typeof Skill>
export const SKILL_LABELS: Record<Skill, string> = {
  forklift: '叉车',
  driving: '驾驶',
  construction: '建筑施工',
  masonry: '砌筑',
  electrician: '电工',
  welding: '焊接',
  plumbing: '水电维修',
  cooking: '烹饪',
  cleaning: '保洁',
  farming: '种植',
  mushroom: '食用菌生产',
  greenhouse: '大棚管理',
  livestock: '养殖',
  cashier: '收银',
  retail: '理货导购',
  warehouse: '仓储搬运',
  delivery: '配送',
  security: '保安',
  elderly_care: '养老护理',
  childcare: '育婴',
  sewing: '缝纫',
  embroidery: '刺绣',
  handicraft: '手工编织',
  computer: '电脑操作',
  hairdressing: '美发',
}

export const Physical = z.enum(['light', 'moderate', 'heavy'], { error: '请选择体力要求' })
export type Physical = z.infer<typeof Physical>
export const PHYSICAL_LABELS: Record<Physical, string> = { light: '轻体力', moderate: '中等体力', heavy: '重体力' }

export const Literacy = z.enum(['none', 'basic', 'fluent'], { error: '请选择认字要求' })
export type Literacy = z.infer<typeof Literacy>
export const LITERACY_LABELS: Record<Literacy, string> = { none: '不识字', basic: '能读简单文字', fluent: '读写熟练' }

export const GeoPoint = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
export type GeoPoint = z.infer<typeof GeoPoint>

/** Hours of the day on the Beijing clock, [start, end); end < start wraps past midnight. */
export const HourWindow = z
  .object({ start: z.number().int().min(0).max(23), end: z.number().int().min(0).max(24) })
  // 8 to 8 would be no hours at all, and an empty window passes every filter.
  .refine((w) => w.end !== w.start, { error: '时段的开始和结束不能是同一时间（时段为空）', path: ['end'] })
export type HourWindow = z.infer<typeof HourWindow>

export const JobPosting = z
  .object({
    id: Id,
    employer: z.string(),
    title: z.string(),
    location: GeoPoint,
    workHours: HourWindow,
    physical: Physical,
    skills: z.array(Skill),
    /** Skills that help but are not required (会更好): a fifth of the skills score. */
    niceSkills: z.array(Skill).optional(),
    /**
     * Off-site work (a county industrial park, a farm): the distance from the community staff
     * entered, used in place of the distance from `location` to the seeker's home.
     */
    distanceKm: z.number().min(0).optional(),
    minExperienceYears: z.number().min(0),
    /** Yuan per month. */
    monthlyWage: z.number().min(0),
    literacy: Literacy,
    minAge: z.number().int().min(0).optional(),
    maxAge: z.number().int().min(0).optional(),
  })
  .refine((p) => p.minAge === undefined || p.maxAge === undefined || p.minAge <= p.maxAge, {
    error: '最低年龄（minAge）不能大于最高年龄（maxAge）',
    path: ['maxAge'],
  })
export type JobPosting = z.infer<typeof JobPosting>

export const JobSeeker = z.object({
  id: Id,
  age: z.number().int().min(0).max(130),
  home: GeoPoint,
  maxCommuteKm: z.number().positive().optional(),
  /** Hours taken by care duties (school run, an ill parent): work may not overlap them. */
  careDuties: z.array(HourWindow).default([]),
  /**
   * The hours the person can work at all (只上白班, 只上夜班); absent = any hour. Work may not fall
   * outside them: busy as a care duty is, but told apart in the reason (not a family duty).
   */
  availableHours: HourWindow.optional(),
  maxHoursPerDay: z.number().min(1).max(24).optional(),
  health: Health,
  disability: Disability,
  /** What the person says they can do physically; never more than health and disability allow. */
  physicalLimit: Physical.optional(),
  skills: z.array(Skill),
  experienceYears: z.number().min(0),
  expectedWage: z.number().min(0),
  literacy: Literacy,
  householdColour: RiskColour,
})
export type JobSeeker = z.infer<typeof JobSeeker>
