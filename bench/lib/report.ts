// One row per measured figure. Every section returns rows; the runner prints them as one table and
// writes them to bench/results.json.

export type Status = 'ok' | 'OVER' | 'info' | 'pending' | 'plan'

export interface Row {
  section: string
  name: string
  value: number | string
  unit: string
  /** The budget as written in DESIGN.md §5, or '' when the figure is informational. */
  budget: string
  status: Status
  note?: string
  /** CI fails on an OVER row only when it is marked as gating (sizes, Scan count). */
  gate?: boolean
}

export const row = (r: Row): Row => r

/** ok when value ≤ limit, else OVER. */
export function within(value: number, limit: number): Status {
  return value <= limit ? 'ok' : 'OVER'
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)))

export function formatValue(r: Row): string {
  if (typeof r.value === 'string') return r.value
  const v = Math.abs(r.value) >= 100 || Number.isInteger(r.value) ? r.value.toFixed(0) : r.value.toFixed(2)
  return `${v}${r.unit ? ` ${r.unit}` : ''}`
}

export function formatTable(rows: Row[]): string {
  const cols = ['section', 'figure', 'value', 'budget', 'status', 'note']
  const cells = rows.map((r) => [
    r.section,
    r.name,
    formatValue(r),
    r.budget,
    r.status === 'OVER' ? 'OVER BUDGET' : r.status,
    r.note ?? '',
  ])
  const widths = cols.map((c, i) => Math.max(width(c), ...cells.map((row) => (i === 5 ? 0 : width(row[i])))))
  const line = (xs: string[]) =>
    xs
      .map((x, i) => (i === 5 ? x : pad(x, widths[i])))
      .join('  ')
      .trimEnd()
  return [line(cols), line(widths.map((w, i) => (i === 5 ? '----' : '-'.repeat(w)))), ...cells.map(line)].join('\n')
}

/** Markdown version of the same table, for docs/performance.md. */
export function formatMarkdown(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  return [
    '| section | figure | value | budget | status | note |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${esc(r.section)} | ${esc(r.name)} | ${esc(formatValue(r))} | ${esc(r.budget)} | ${r.status === 'OVER' ? '**OVER BUDGET**' : r.status} | ${esc(r.note ?? '')} |`,
    ),
  ].join('\n')
}
