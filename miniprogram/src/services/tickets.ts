import {
  type CreateTicketRequest,
  type Ticket,
  TicketListResponse,
  TicketResponse,
  type TicketStatus,
} from '@anju/shared'
import { request } from './http'

/** 201 with the new ticket, or 200 with the original one when this idempotencyKey was seen before. */
export async function createTicket(body: CreateTicketRequest): Promise<Ticket> {
  return (await request('POST', '/tickets', TicketResponse, body)).ticket
}

export async function listMyTickets(): Promise<Ticket[]> {
  return (await request('GET', '/tickets/mine', TicketListResponse)).tickets
}

/** Staff: tickets inside their scope, optionally one status only. */
export async function listTickets(status?: TicketStatus): Promise<Ticket[]> {
  const query = status ? `?status=${encodeURIComponent(status)}` : ''
  return (await request('GET', `/tickets${query}`, TicketListResponse)).tickets
}

export async function getTicket(id: string): Promise<Ticket> {
  return (await request('GET', `/tickets/${encodeURIComponent(id)}`, TicketResponse)).ticket
}

export async function acknowledgeTicket(id: string): Promise<Ticket> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/acknowledge`, TicketResponse)).ticket
}
