import {
  type AssigneeChoice,
  BulkAssignResponse,
  type BulkResult,
  type CloseTicketRequest,
  type CommentTicketRequest,
  type CreateTicketRequest,
  MyTicketListResponse,
  type StaffTicket,
  type Ticket,
  TicketDetailResponse,
  TicketListResponse,
  type TicketRating,
  TicketResponse,
} from '@anju/shared'
import { filterQuery, type TicketFilters } from '../utils/triage'
import { request } from './http'

/** 201 with the new ticket, or 200 with the original one when this idempotencyKey was seen before. */
export async function createTicket(body: CreateTicketRequest): Promise<Ticket> {
  return (await request('POST', '/tickets', TicketResponse, body)).ticket
}

export async function listMyTickets(): Promise<Ticket[]> {
  return (await request('GET', '/tickets/mine', MyTicketListResponse)).tickets
}

/** Staff: tickets inside their scope in triage order (overdue, priority, deadline), filtered. */
export async function listTickets(filters: TicketFilters = {}): Promise<StaffTicket[]> {
  return (await request('GET', `/tickets${filterQuery(filters)}`, TicketListResponse)).tickets
}

/** Staff: one page of the inbox; `nextCursor` only when more follow (decision 067). */
export async function listTicketPage(
  filters: TicketFilters,
  cursor?: string,
): Promise<{ tickets: StaffTicket[]; nextCursor?: string }> {
  return request('GET', `/tickets${filterQuery({ ...filters, cursor })}`, TicketListResponse)
}

/** Staff: hand tickets to one assignee; each ticket succeeds or fails on its own. */
export async function assignTickets(ticketIds: string[], assignee: AssigneeChoice): Promise<BulkResult[]> {
  return (await request('POST', '/tickets/assign', BulkAssignResponse, { ticketIds, assignee })).results
}

/** Staff: hand one ticket to a person or the property company (open tickets only). */
export async function assignTicket(id: string, assignee: AssigneeChoice): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/assign`, TicketResponse, { assignee })).ticket
}

/** Community staff: hide an abusive ticket from other residents, Open311 and notifications. */
export async function hideTicket(id: string, reason: string): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/hide`, TicketResponse, { reason })).ticket
}

/** Community staff: undo a hide. */
export async function unhideTicket(id: string): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/unhide`, TicketResponse)).ticket
}

/** Community staff: the description with personal data masked (never longer than it was). */
export async function redactTicket(id: string, description: string): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/redact`, TicketResponse, { description })).ticket
}

export async function getTicket(id: string): Promise<StaffTicket> {
  return (await getTicketDetail(id)).ticket
}

/** The ticket with its timeline (residents get the public events only) and whether I follow it. */
export async function getTicketDetail(id: string): Promise<TicketDetailResponse> {
  return request('GET', `/tickets/${encodeURIComponent(id)}`, TicketDetailResponse)
}

/** 满意 / 基本解决 / 没解决 (which reopens it) by the household that filed it or a follower. */
export async function rateTicket(id: string, rating: TicketRating): Promise<Ticket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/rate`, TicketResponse, { rating })).ticket
}

/** A public update or (staff) an internal note; the key makes a resend post it once. */
export async function commentOnTicket(id: string, body: CommentTicketRequest): Promise<Ticket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/comments`, TicketResponse, body)).ticket
}

export async function acknowledgeTicket(id: string): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/acknowledge`, TicketResponse)).ticket
}

export async function startTicket(id: string): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/start`, TicketResponse)).ticket
}

/** 已解决 / 无法处理 / 非本部门 with the reason the resident reads (and whom to contact for 非本部门). */
export async function closeTicket(id: string, body: CloseTicketRequest): Promise<StaffTicket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/close`, TicketResponse, body)).ticket
}
