import {
  type CloseTicketRequest,
  type CreateTicketRequest,
  MyTicketListResponse,
  type StaffTicket,
  type Ticket,
  TicketListResponse,
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

export async function getTicket(id: string): Promise<StaffTicket> {
  return (await request('GET', `/tickets/${encodeURIComponent(id)}`, TicketResponse)).ticket
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
