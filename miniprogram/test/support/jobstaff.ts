import { type ApplicantView, addLocalDays, localDateOf, type PushCandidate, type StaffPosting } from '@anju/shared'

// Fixtures of the staff job pages (decision 068).

export const STAFF = {
  id: 'u-staff-mjw',
  name: '周丽琼',
  role: 'community_staff',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw' },
} as const

/** A building head of 卯家湾: sees postings and applicants, changes neither. */
export const BUILDING_HEAD = {
  id: 'u-bh-mjw',
  name: '李国富',
  role: 'building_head',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1', buildingId: 'b5' },
} as const

export function posting(overrides: Partial<StaffPosting> = {}): StaffPosting {
  return {
    id: 'P1',
    employer: '昭通金果食品厂',
    title: '包装工',
    place: { kind: 'building', buildingId: 'b5', name: '5栋' },
    workHours: { start: 8, end: 17 },
    physical: 'light',
    skills: [],
    niceSkills: ['cashier'],
    minExperienceYears: 0,
    literacy: 'none',
    monthlyWage: 2800,
    wageMax: 3500,
    headcount: 5,
    status: 'open',
    // Open for another month whenever the tests run: the pages compare it with today.
    expiresOn: addLocalDays(localDateOf(new Date()), 30),
    postedAt: '2026-12-01T09:00:00+08:00',
    scope: { communityId: 'mjw' },
    applicantCount: 2,
    ...overrides,
  }
}

export function applicant(overrides: Partial<ApplicantView> = {}): ApplicantView {
  const appliedAt = '2026-12-02T10:00:00+08:00'
  return {
    postingId: 'P1',
    personId: 'pp1',
    householdId: 'h1',
    name: '李秀英',
    status: 'applied',
    appliedAt,
    updatedAt: appliedAt,
    history: [{ at: appliedAt, status: 'applied', by: { userId: 'u-resident-1', name: '李秀英' } }],
    addressLabel: '5栋1单元0302室',
    ...overrides,
  }
}

export function candidate(overrides: Partial<PushCandidate> = {}): PushCandidate {
  return {
    personId: 'c1',
    householdId: 'h1',
    name: '张桂兰',
    age: 42,
    addressLabel: '5栋1单元0302室',
    employment: 'unemployed',
    colour: 'red',
    score: 0.8,
    reasons: ['离家200米', '白班 8:00–17:00'],
    ...overrides,
  }
}
