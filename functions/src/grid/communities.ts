// Reference data: the communities of each sub-district, with their real codes from the national
// statistical division list (统计用区划代码, 砚池街道 530621002; test/communities.test.ts checks
// them against local/reference/zhaotong-divisions.json). A sub-district admin's ticket list is one parallel
// Query per community; keeping this list in code saves a DynamoDB round trip per request, and the
// list changes only with an administrative re-division (then this file and a deploy change too).

export interface CommunityRef {
  id: string
  name: string
}

export const SUBDISTRICTS: Record<string, { name: string; communities: CommunityRef[] }> = {
  '530621002': {
    name: '砚池街道',
    communities: [
      { id: '530621002001', name: '景新社区' },
      { id: '530621002002', name: '和悦社区' },
      { id: '530621002003', name: '福泽社区' },
      { id: '530621002004', name: '雨露社区' },
      { id: '530621002005', name: '春熙社区' },
      { id: '530621002006', name: '阳光社区' },
      { id: '530621002007', name: '卯家湾社区' },
    ],
  },
}

export function communitiesOf(subdistrictId: string): CommunityRef[] {
  return SUBDISTRICTS[subdistrictId]?.communities ?? []
}

/** The communities a scope spans: its own, or every one of its sub-district (one Query each). */
export function communityIdsOf(scope: { subdistrictId: string; communityId?: string }): string[] {
  return scope.communityId ? [scope.communityId] : communitiesOf(scope.subdistrictId).map((c) => c.id)
}
