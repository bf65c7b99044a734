// The 我的求职信息 form as the page holds it (numbers as typed strings, choices as values) and its
// way to the server's JobProfileInput. Pure; the same schema checks the form and the server, so a
// field shows the same Chinese sentence either way.
import {
  type Availability,
  type FieldError,
  type JobProfile,
  JobProfileInput,
  type Literacy,
  type Physical,
  ROLE_LABELS,
  type Role,
  type Skill,
  toFieldErrors,
} from '@anju/shared'

export interface ProfileForm {
  availability?: Availability
  schoolRun: boolean
  skills: Skill[]
  experienceYears: string
  maxCommuteKm?: number
  physicalLimit?: Physical
  expectedWage: string
  reading?: Literacy
}

export type ProfileField = keyof ProfileForm | 'form'
export type ProfileErrors = Partial<Record<ProfileField, string>>

const FIELDS: ReadonlySet<string> = new Set([
  'availability',
  'schoolRun',
  'skills',
  'experienceYears',
  'maxCommuteKm',
  'physicalLimit',
  'expectedWage',
  'reading',
])

export function formFromProfile(profile?: JobProfile): ProfileForm {
  return {
    availability: profile?.availability,
    schoolRun: profile?.schoolRun === true,
    skills: profile?.skills ?? [],
    experienceYears: profile?.experienceYears !== undefined ? String(profile.experienceYears) : '',
    maxCommuteKm: profile?.maxCommuteKm,
    physicalLimit: profile?.physicalLimit,
    expectedWage: profile?.expectedWage !== undefined ? String(profile.expectedWage) : '',
    reading: profile?.reading,
  }
}

/** Taps a skill on or off, keeping the list's order of picking. */
export function toggleSkill(skills: Skill[], skill: Skill): Skill[] {
  return skills.includes(skill) ? skills.filter((s) => s !== skill) : [...skills, skill]
}

/** The request body: blanks are absent, never 0 (formNumber parses what was typed). */
export function profileBody(form: ProfileForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    availability: form.availability,
    schoolRun: form.schoolRun,
    skills: form.skills,
    experienceYears: form.experienceYears.trim() === '' ? undefined : form.experienceYears,
    maxCommuteKm: form.maxCommuteKm,
    physicalLimit: form.physicalLimit,
    expectedWage: form.expectedWage.trim() === '' ? undefined : form.expectedWage,
    reading: form.reading,
  }
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k]
  return body
}

/** First message per field ('skills.3' → skills); anything else is the form's. */
export function groupProfileErrors(errors: FieldError[]): ProfileErrors {
  const out: ProfileErrors = {}
  for (const e of errors) {
    const head = e.path.split('.')[0]
    const field = (FIELDS.has(head) ? head : 'form') as ProfileField
    if (out[field] === undefined) out[field] = e.message
  }
  return out
}

export function checkProfile(
  form: ProfileForm,
): { ok: true; body: JobProfileInput } | { ok: false; errors: ProfileErrors } {
  const parsed = JobProfileInput.safeParse(profileBody(form))
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: groupProfileErrors(toFieldErrors(parsed.error)) }
}

/** '楼栋长赵美芬帮你填写' when someone filled the profile in for the resident; '' otherwise. */
export function onBehalfLine(profile?: JobProfile): string {
  const by = profile?.updatedBy
  if (!by?.onBehalf) return ''
  return `${ROLE_LABELS[by.role as Role] ?? '工作人员'}${by.name}帮你填写`
}
