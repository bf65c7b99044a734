import type { GridPath, HomeAddress, Me } from '@anju/shared'

// The dev accounts and the four homes they live in. The generated population (population/)
// builds these rooms into the real grid and gives the households facts from which the rules make
// resident-1's home red and the green resident's home green. Ids are stable so tests, the H5
// sign-in page and docs can name them. Kept small and static: the Lambda bundle imports it.

export const SUBDISTRICT = { id: '530621002', name: '砚池街道' } as const
export const COMMUNITY = { id: '530621002007', name: '卯家湾社区' } as const
export const AREA = { id: 'mjw-a1', name: '一片区' } as const
export const BUILDINGS = {
  b5: { id: 'mjw-b5', name: '5栋' },
  b6: { id: 'mjw-b6', name: '6栋' },
} as const

const base = { subdistrictId: SUBDISTRICT.id, communityId: COMMUNITY.id, areaId: AREA.id }

export interface FixtureHousehold {
  id: string
  headName: string
  address: HomeAddress
}

function household(building: { id: string; name: string }, unitNo: 1 | 2, roomNo: string, headName: string) {
  const id = `hh-mjw-${building.name.replace('栋', '')}-${unitNo}-${roomNo}`
  return {
    id,
    headName,
    address: {
      path: { ...base, buildingId: building.id, householdId: id },
      communityName: COMMUNITY.name,
      areaName: AREA.name,
      buildingName: building.name,
      unitName: `${unitNo}单元`,
      roomNo,
    },
  } satisfies FixtureHousehold
}

export const HOUSEHOLDS = {
  h5_1_0302: household(BUILDINGS.b5, 1, '0302', '李秀英'),
  h5_2_0501: household(BUILDINGS.b5, 2, '0501', '沙马·阿果'),
  h6_2_1101: household(BUILDINGS.b6, 2, '1101', '王德富'),
  h6_1_0604: household(BUILDINGS.b6, 1, '0604', '孔祥芝'),
} satisfies Record<string, FixtureHousehold>

function resident(id: string, name: string, hh: FixtureHousehold): Me {
  // The pinned homes (population/pinned.ts) make each dev resident the first member of their household.
  return { id, name, role: 'resident', scope: hh.address.path, home: hh.address, personId: `${hh.id}-p1` }
}

const communityScope: GridPath = { subdistrictId: SUBDISTRICT.id, communityId: COMMUNITY.id }

/** The seeded accounts, in the order the H5 sign-in page lists them. */
export const DEV_ACCOUNTS: Me[] = [
  resident('u-resident-1', '李秀英', HOUSEHOLDS.h5_1_0302),
  resident('u-resident-2', '王德富', HOUSEHOLDS.h6_2_1101),
  resident('u-resident-3', '沙马·阿果', HOUSEHOLDS.h5_2_0501),
  resident('u-resident-green', '孔祥芝', HOUSEHOLDS.h6_1_0604),
  { id: 'u-head-5', name: '赵美芬', role: 'building_head', scope: { ...base, buildingId: BUILDINGS.b5.id } },
  { id: 'u-head-6', name: '杨正华', role: 'building_head', scope: { ...base, buildingId: BUILDINGS.b6.id } },
  { id: 'u-grid-1', name: '陈海燕', role: 'grid_worker', scope: { ...base } },
  { id: 'u-staff-mjw', name: '周丽琼', role: 'community_staff', scope: communityScope },
  { id: 'u-admin', name: '刘建国', role: 'subdistrict_admin', scope: { subdistrictId: SUBDISTRICT.id } },
  { id: 'u-police', name: '罗永华', role: 'police', scope: communityScope },
  { id: 'u-property', name: '钱晓东', role: 'property_staff', scope: communityScope },
]

/**
 * What each dev account is for, printed by `npm start` beside it (a developer's console only; no
 * API returns this). The pinned homes (population/pinned.ts) keep these colours for any seed.
 */
export const DEV_ACCOUNT_NOTES: Record<string, string> = {
  'u-resident-1': 'resident of a red household',
  'u-resident-2': 'resident of a yellow household',
  'u-resident-3': 'resident with a minority name (middle dot)',
  'u-resident-green': 'resident of a green household',
  'u-head-5': 'building head of 5栋 (sees u-resident-1’s tickets)',
  'u-head-6': 'building head of 6栋',
  'u-grid-1': 'grid worker of the area',
  'u-staff-mjw': 'community staff of 卯家湾社区',
  'u-admin': 'sub-district admin of 砚池街道',
  'u-police': 'community police officer',
  'u-property': 'property-company staff',
}

/**
 * The local stack's Open311 API key (docs/decisions/063-open311.md): reads and files the tickets of
 * 卯家湾社区 through /api/open311/v2. Printed by `npm start`; only its sha256 is stored.
 */
export const DEV_API_KEY = {
  key: 'anju-dev-open311-maojiawan-530621002007',
  name: '卯家湾社区 Open311（本地开发）',
  scope: communityScope,
  createdAt: '2026-01-01T00:00:00.000+08:00',
} as const

/** openid → user. Openids are case-sensitive; the mixed case here keeps that honest. */
export const WECHAT_BINDINGS: { openid: string; userId: string }[] = [
  { openid: 'oAnJu5Resident1DevOpenIdXy7Q', userId: 'u-resident-1' },
]

export function devAccount(userId: string): Me {
  const account = DEV_ACCOUNTS.find((a) => a.id === userId)
  if (!account) throw new Error(`no fixture account ${userId}`)
  return account
}
