import { handlesTicketKind, type Role, Role as Roles, staffTicketView } from '../src'

// Decision 071: property staff take property tickets only and never read the triage reasons.

const STAFF = Roles.options.filter((r) => r !== 'resident' && r !== 'police')

describe('handlesTicketKind', () => {
  it.each(STAFF)('lets %s take property tickets (kind property or absent)', (role) => {
    expect(handlesTicketKind(role, 'property')).toBe(true)
    expect(handlesTicketKind(role, undefined)).toBe(true)
  })

  it.each([
    ['building_head', true],
    ['grid_worker', true],
    ['community_staff', true],
    ['subdistrict_admin', true],
    ['property_staff', false],
  ] as [Role, boolean][])('help requests are for %s: %s', (role, expected) => {
    expect(handlesTicketKind(role, 'help')).toBe(expected)
  })
})

describe('staffTicketView', () => {
  const ticket = {
    id: 't',
    priority: 'urgent',
    deadline: '2026-12-03T12:00:00.000+08:00',
    triageReasons: ['重点关注家庭'],
  }

  it('takes the reasons away from property staff and keeps how soon', () => {
    expect(staffTicketView('property_staff', ticket)).toEqual({
      id: 't',
      priority: 'urgent',
      deadline: '2026-12-03T12:00:00.000+08:00',
    })
    expect(ticket.triageReasons).toEqual(['重点关注家庭'])
  })

  it.each(STAFF.filter((r) => r !== 'property_staff'))('gives %s the whole ticket', (role) => {
    expect(staffTicketView(role, ticket)).toBe(ticket)
  })
})
