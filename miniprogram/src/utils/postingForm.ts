import {
  type CreatePostingBody,
  CreatePostingBody as CreatePostingSchema,
  type FieldError,
  type Literacy,
  type Physical,
  type PostingInput,
  PostingInput as PostingInputSchema,
  type Skill,
  type StaffPosting,
  toFieldErrors,
} from '@anju/shared'

// The 新建岗位 / 修改岗位 form as typed: every number a string until the shared schema reads it
// (blank is absent, never 0), so the page and the server give the same Chinese message.

export interface PostingForm {
  employer: string
  title: string
  description: string
  placeKind?: 'building' | 'offsite'
  buildingId?: string
  placeName: string
  distanceKm: string
  wageMin: string
  wageMax: string
  startHour?: number
  endHour?: number
  physical: Physical
  skills: Skill[]
  niceSkills: Skill[]
  minExperienceYears: string
  literacy: Literacy
  minAge: string
  maxAge: string
  headcount: string
  expiresOn: string
  contactPhone: string
}

export const EMPTY_POSTING: PostingForm = {
  employer: '',
  title: '',
  description: '',
  placeName: '',
  distanceKm: '',
  wageMin: '',
  wageMax: '',
  physical: 'moderate',
  skills: [],
  niceSkills: [],
  minExperienceYears: '',
  literacy: 'none',
  minAge: '',
  maxAge: '',
  headcount: '1',
  expiresOn: '',
  contactPhone: '',
}

/** Where each message is shown: one per field, beside it; anything else above the button. */
export type PostingField =
  | 'employer'
  | 'title'
  | 'description'
  | 'place'
  | 'placeName'
  | 'distanceKm'
  | 'wageMin'
  | 'wageMax'
  | 'startHour'
  | 'endHour'
  | 'physical'
  | 'skills'
  | 'niceSkills'
  | 'minExperienceYears'
  | 'literacy'
  | 'minAge'
  | 'maxAge'
  | 'headcount'
  | 'expiresOn'
  | 'contactPhone'
  | 'form'
export type PostingErrors = Partial<Record<PostingField, string>>

// Every field with a place on the page (startHour/endHour start absent, so not from EMPTY_POSTING's keys).
const FIELDS = new Set<string>([...Object.keys(EMPTY_POSTING), 'startHour', 'endHour'])

/** 'place.distanceKm' → 'distanceKm'; 'place' and 'place.buildingId' → 'place'; unknown → 'form'. */
export function postingFieldOf(path: string): PostingField {
  const [head, sub] = path.split('.')
  if (head === 'place') return sub === 'placeName' || sub === 'distanceKm' ? sub : 'place'
  return FIELDS.has(head) ? (head as PostingField) : 'form'
}

/** The first message per field, so each field shows one plain sentence. */
export function groupPostingErrors(errors: readonly FieldError[]): PostingErrors {
  const out: PostingErrors = {}
  for (const e of errors) {
    const field = postingFieldOf(e.path)
    if (out[field] === undefined) out[field] = e.message
  }
  return out
}

function place(f: PostingForm): unknown {
  if (f.placeKind === 'building') return { kind: 'building', buildingId: f.buildingId }
  if (f.placeKind === 'offsite') return { kind: 'offsite', placeName: f.placeName, distanceKm: f.distanceKm }
  return undefined
}

/** What the schema reads: the form as typed, the place by its kind. */
export function rawPosting(f: PostingForm): Record<string, unknown> {
  return {
    employer: f.employer,
    title: f.title,
    description: f.description,
    place: place(f),
    wageMin: f.wageMin,
    wageMax: f.wageMax,
    startHour: f.startHour,
    endHour: f.endHour,
    physical: f.physical,
    skills: f.skills,
    niceSkills: f.niceSkills,
    minExperienceYears: f.minExperienceYears,
    literacy: f.literacy,
    minAge: f.minAge,
    maxAge: f.maxAge,
    headcount: f.headcount,
    expiresOn: f.expiresOn,
    contactPhone: f.contactPhone,
  }
}

type Checked<T> = { ok: true; body: T } | { ok: false; errors: PostingErrors }

/** A new posting, checked as the server will check it. */
export function checkNewPosting(f: PostingForm, idempotencyKey: string): Checked<CreatePostingBody> {
  const parsed = CreatePostingSchema.safeParse({ ...rawPosting(f), idempotencyKey })
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: groupPostingErrors(toFieldErrors(parsed.error)) }
}

/** An edit of an existing posting (PUT: no key, the same body replaces it). */
export function checkPostingEdit(f: PostingForm): Checked<PostingInput> {
  const parsed = PostingInputSchema.safeParse(rawPosting(f))
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: groupPostingErrors(toFieldErrors(parsed.error)) }
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n))

/** The edit page starts from the posting as stored. */
export function formFromPosting(p: StaffPosting): PostingForm {
  return {
    employer: p.employer,
    title: p.title,
    description: p.description ?? '',
    placeKind: p.place.kind,
    buildingId: p.place.kind === 'building' ? p.place.buildingId : undefined,
    placeName: p.place.kind === 'offsite' ? p.place.placeName : '',
    distanceKm: p.place.kind === 'offsite' ? String(p.place.distanceKm) : '',
    wageMin: String(p.monthlyWage),
    wageMax: String(p.wageMax),
    startHour: p.workHours.start,
    endHour: p.workHours.end,
    physical: p.physical,
    skills: [...p.skills],
    niceSkills: [...p.niceSkills],
    minExperienceYears: p.minExperienceYears > 0 ? String(p.minExperienceYears) : '',
    literacy: p.literacy,
    minAge: text(p.minAge),
    maxAge: text(p.maxAge),
    headcount: String(p.headcount),
    expiresOn: p.expiresOn,
    contactPhone: p.contactPhone ?? '',
  }
}

export const MAX_SKILLS = 10

/**
 * Ticks or unticks a skill in one list. A skill is required or nice-to-have, never both: ticking
 * it in one list takes it out of the other. Past 10 the tap is refused and said so.
 */
export function toggleSkill(
  f: PostingForm,
  list: 'skills' | 'niceSkills',
  skill: Skill,
): { form: PostingForm; refused?: string } {
  const other = list === 'skills' ? 'niceSkills' : 'skills'
  if (f[list].includes(skill)) return { form: { ...f, [list]: f[list].filter((s) => s !== skill) } }
  if (f[list].length >= MAX_SKILLS) return { form: f, refused: `最多选 ${MAX_SKILLS} 项` }
  return { form: { ...f, [list]: [...f[list], skill], [other]: f[other].filter((s) => s !== skill) } }
}

/** The hour picker's choices: '0:00' … '24:00' (24 only makes sense as an end). */
export const HOURS = Array.from({ length: 25 }, (_, h) => h)
export const hourText = (h: number | undefined) => (h === undefined ? '请选择' : `${h}:00`)

/** Where the date picker opens when no day is chosen yet: a month from today, on the phone's calendar. */
export function defaultExpiry(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 30)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
