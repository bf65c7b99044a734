import type { Ticket } from '@anju/shared'

export const HOME = {
  path: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1', buildingId: 'b5', householdId: 'h1' },
  communityName: '卯家湾社区',
  areaName: '一片区',
  buildingName: '5栋',
  unitName: '1单元',
  roomNo: '0302',
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'T1',
    householdId: 'h1',
    address: HOME,
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '电梯不动了',
    status: 'submitted',
    createdAt: '2026-12-03T09:00:00+08:00',
    createdBy: 'u-resident-1',
    ...overrides,
  }
}
