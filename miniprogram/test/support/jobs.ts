import type { JobMatch, JobProfile, PublicPosting } from '@anju/shared'

export function posting(overrides: Partial<PublicPosting> = {}): PublicPosting {
  return {
    id: 'J1',
    employer: '卯家湾食用菌合作社',
    title: '菌棒装袋工',
    place: { kind: 'building', buildingId: 'mjw-b5', name: '5栋' },
    workHours: { start: 8, end: 17 },
    physical: 'moderate',
    skills: ['mushroom'],
    niceSkills: [],
    minExperienceYears: 0,
    literacy: 'none',
    monthlyWage: 3000,
    wageMax: 3600,
    headcount: 5,
    status: 'open',
    expiresOn: '2026-12-31',
    postedAt: '2026-12-01T09:00:00+08:00',
    ...overrides,
  }
}

export const REASONS = [
  '离家800米',
  '白班 8:00–17:00，不耽误接送孩子',
  '需要食用菌生产，你会',
  '月薪3000–3600元',
  '不需要认字',
]

export function match(overrides: Partial<JobMatch> = {}): JobMatch {
  return { posting: posting(), score: 0.82, distanceKm: 0.8, reasons: REASONS, ...overrides }
}

export function profile(overrides: Partial<JobProfile> = {}): JobProfile {
  return {
    availability: 'day',
    schoolRun: true,
    skills: ['mushroom', 'cleaning'],
    experienceYears: 2,
    maxCommuteKm: 3,
    expectedWage: 2800,
    updatedAt: '2026-12-01T09:00:00+08:00',
    updatedBy: { userId: 'u-resident-1', name: '张秀英', role: 'resident', onBehalf: false },
    ...overrides,
  }
}

export interface Call {
  url: string
  method: string
  data?: unknown
  success: (r: object) => void
  fail: (r: object) => void
}

/** The API path of a stubbed wx.request ('/jobs/J1/apply'). */
export const apiPath = (call: Call) => call.url.replace(/^.*\/api/, '')

/** Answers a stubbed wx.request with a status and body, or (null) as if the network dropped it. */
export function reply(call: Call, statusCode: number | null, data?: unknown) {
  if (statusCode === null) call.fail({ errMsg: 'request:fail timeout' })
  else call.success({ statusCode, data, header: {}, errMsg: 'request:ok' })
  return { abort: () => undefined }
}
