import type { Me, TicketPhotosResponse } from '@anju/shared'
import { READ_TTL_SECONDS } from '../photos/store'
import type { ServiceDeps } from './deps'
import { getVisibleTicket } from './tickets'

/**
 * Short-lived read URLs for a ticket's photos. Whoever may read the ticket may see its photos, and
 * nobody else (404, as for the ticket): the ticket's own visibility rule decides, not a second copy.
 */
export async function ticketPhotoUrls(
  deps: ServiceDeps,
  me: Me,
  ticketId: string,
  origin: string,
): Promise<TicketPhotosResponse> {
  const ticket = await getVisibleTicket(deps, me, ticketId)
  const now = deps.now()
  const photos = await Promise.all(
    (ticket.photos ?? []).map(async (id) => ({
      id,
      // Stored under the uploader's folder; the uploader is whoever filed the ticket.
      url: await deps.photos.readUrl({ ownerId: ticket.createdBy, photoId: id }, { now, origin }),
    })),
  )
  return { photos, expiresAt: new Date(now.getTime() + READ_TTL_SECONDS * 1000).toISOString() }
}
