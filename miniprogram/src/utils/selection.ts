import { type AssigneeChoice, BULK_ASSIGN_MAX, type BulkResult } from '@anju/shared'

// The triage inbox's 选择 mode: tick cards, then 交给… hands them all to one assignee. Pure, so
// the rules (at most 50, a card that left the list is no longer selected) are tested alone.

export interface Selection {
  ids: string[]
  /** Set when the last tap was refused (the 51st card), in words for a toast. */
  refused?: string
}

export const EMPTY_SELECTION: Selection = { ids: [] }

/** Ticks or unticks a card; past 50 the tap is refused and said so. */
export function toggleSelected(sel: Selection, id: string): Selection {
  if (sel.ids.includes(id)) return { ids: sel.ids.filter((x) => x !== id) }
  if (sel.ids.length >= BULK_ASSIGN_MAX) return { ids: sel.ids, refused: `一次最多选 ${BULK_ASSIGN_MAX} 张` }
  return { ids: [...sel.ids, id] }
}

/** Keeps only cards still on the list (after a filter change or a refresh). */
export function keepVisible(sel: Selection, visibleIds: readonly string[]): Selection {
  const visible = new Set(visibleIds)
  return { ids: sel.ids.filter((id) => visible.has(id)) }
}

/** The 交给… button's words: '交给…（已选 2 张）'. */
export function selectionLabel(sel: Selection): string {
  return sel.ids.length === 0 ? '请先选择报修单' : `交给…（已选 ${sel.ids.length} 张）`
}

export interface AssignOption {
  label: string
  choice: AssigneeChoice
}

/** Whom the sheet offers: the property company, and the signed-in staff member themself. */
export function assignOptions(me: { id: string; name: string } | null): AssignOption[] {
  const options: AssignOption[] = [{ label: '物业公司', choice: { kind: 'property_company' } }]
  if (me) options.push({ label: `我自己（${me.name}）`, choice: { kind: 'person', userId: me.id } })
  return options
}

/**
 * What the toast says after a bulk assign: all went, or how many did and why the others did not
 * (each ticket fails on its own: closed meanwhile, out of scope, already theirs).
 */
export function bulkSummary(results: readonly BulkResult[], to: string): { text: string; allOk: boolean } {
  const ok = results.filter((r) => r.ok).length
  const failed = results.filter((r) => !r.ok)
  if (failed.length === 0) return { text: `已交给${to} ${ok} 张`, allOk: true }
  const reasons = [...new Set(failed.map((r) => r.message ?? '未能分派'))].join('；')
  const head = ok > 0 ? `已交给${to} ${ok} 张，` : ''
  return { text: `${head}${failed.length} 张没有分派：${reasons}`, allOk: false }
}

/** The ids a bulk assign should leave selected: the ones that did not go, to retry or untick. */
export function afterBulk(results: readonly BulkResult[]): Selection {
  return { ids: results.filter((r) => !r.ok).map((r) => r.id) }
}
