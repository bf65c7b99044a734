import type { DraftStorage } from '../../src/services/draft'

/** Stores a deep copy, like Taro's storage (which serialises), so tests catch shared references. */
export function memoryStorage(
  initial: Record<string, unknown> = {},
): DraftStorage & { dump(): Record<string, unknown> } {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]))
  return {
    get: (key) => {
      const raw = data.get(key)
      return raw === undefined ? undefined : JSON.parse(raw)
    },
    set: (key, value) => {
      data.set(key, JSON.stringify(value))
    },
    remove: (key) => {
      data.delete(key)
    },
    dump: () => Object.fromEntries([...data].map(([k, v]) => [k, JSON.parse(v)])),
  }
}
