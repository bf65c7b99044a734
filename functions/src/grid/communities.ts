// Reference data: the communities of each sub-district, from the national statistical division
// list (统计用区划代码, 砚池街道 530621002). A sub-district admin's ticket list is one parallel
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
      { id: 'jingxin', name: '景新社区' },
      { id: 'heyue', name: '和悦社区' },
      { id: 'fuze', name: '福泽社区' },
      { id: 'yulu', name: '雨露社区' },
      { id: 'chunxi', name: '春熙社区' },
      { id: 'yangguang', name: '阳光社区' },
      { id: 'maojiawan', name: '卯家湾社区' },
    ],
  },
}

export function communitiesOf(subdistrictId: string): CommunityRef[] {
  return SUBDISTRICTS[subdistrictId]?.communities ?? []
}
