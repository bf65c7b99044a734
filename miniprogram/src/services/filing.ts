import { type FileOnBehalfRequest, HouseholdListResponse, type StaffTicket, TicketResponse } from '@anju/shared'
import { request } from './http'

/** Staff: the buildings of their scope, and the homes of one (of the only one for a building head). */
export async function listHouseholds(buildingId?: string): Promise<HouseholdListResponse> {
  const query = buildingId ? `?buildingId=${encodeURIComponent(buildingId)}` : ''
  return request('GET', `/households${query}`, HouseholdListResponse)
}

/** Staff file for a household (walk-in or phone); 200 with the first ticket when the key was seen. */
export async function fileOnBehalf(body: FileOnBehalfRequest): Promise<StaffTicket> {
  return (await request('POST', '/tickets/on-behalf', TicketResponse, body)).ticket
}
