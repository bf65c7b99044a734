import type { StaffTicket } from '@anju/shared'
import { useRef, useState } from 'react'
import { getToken } from '../services/session'
import { listTicketPage } from '../services/tickets'
import type { TicketFilters } from '../utils/triage'

// The staff inbox a page at a time (20 tickets, the server's order and cursor; decision 067).
// Each page is appended by its own setData, so one call carries one page, never the whole list.

export interface PagedInbox {
  tickets: StaffTicket[] | null
  hasMore: boolean
  loadingMore: boolean
  error: string
  /** From the top with these filters (a filter change, 刷新, coming back to the page). */
  reload: (filters: TicketFilters) => Promise<StaffTicket[]>
  /** The next page, if any; a second call while one is on its way does nothing. */
  loadMore: () => void
}

export function usePagedInbox(): PagedInbox {
  const [tickets, setTickets] = useState<StaffTicket[] | null>(null)
  const [cursor, setCursor] = useState<string | undefined>()
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState('')
  // The filters of the list on screen, and a counter so an old answer never lands on a new list.
  const current = useRef<{ filters: TicketFilters; generation: number }>({ filters: {}, generation: 0 })

  const reload = async (filters: TicketFilters): Promise<StaffTicket[]> => {
    if (!getToken()) return []
    const generation = current.current.generation + 1
    current.current = { filters, generation }
    try {
      const page = await listTicketPage(filters)
      if (current.current.generation !== generation) return []
      setTickets(page.tickets)
      setCursor(page.nextCursor)
      setError('')
      return page.tickets
    } catch (err) {
      if (current.current.generation === generation) setError((err as Error).message)
      return []
    }
  }

  const loadMore = () => {
    if (!cursor || loadingMore) return
    const { filters, generation } = current.current
    setLoadingMore(true)
    listTicketPage(filters, cursor)
      .then((page) => {
        if (current.current.generation !== generation) return
        // A ticket that moved up since the first page may come again: keep it once.
        setTickets((list) => {
          const seen = new Set((list ?? []).map((t) => t.id))
          return [...(list ?? []), ...page.tickets.filter((t) => !seen.has(t.id))]
        })
        setCursor(page.nextCursor)
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setLoadingMore(false))
  }

  return { tickets, hasMore: cursor !== undefined, loadingMore, error, reload, loadMore }
}
