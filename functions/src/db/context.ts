import type { DocClient } from './client'

/** What every repository function needs: the client and the one table's name. */
export interface Db {
  doc: DocClient
  tableName: string
}

/** An item without the key and bookkeeping attributes. */
export function stripKeys<T>(item: Record<string, unknown>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(item)) if (!keys.includes(k)) out[k] = v
  return out as T
}
