import { LocalDate } from '@anju/shared'

// The seed command's arguments, checked in full before anything is touched: `--reset` drops the
// table, so a typo in another argument must never get as far as the drop.

export interface SeedArgs {
  reset: boolean
  scale?: number
  seed?: string
  today?: string
}

const VALUED = new Set(['--scale', '--seed', '--today'])
const FLAGS = new Set(['--reset'])

export type Parsed = { ok: true; args: SeedArgs } | { ok: false; errors: string[] }

export function parseSeedArgs(argv: readonly string[]): Parsed {
  const args: SeedArgs = { reset: false }
  const errors: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]
    if (FLAGS.has(name)) {
      args.reset = true
      continue
    }
    if (!VALUED.has(name)) {
      errors.push(`未知参数 ${name}（unknown argument; use --reset, --scale, --seed, --today）`)
      continue
    }
    const value = argv[i + 1]
    i++
    if (value === undefined || value.startsWith('--')) {
      errors.push(`${name} 缺少取值（needs a value）`)
      if (value !== undefined) i--
      continue
    }
    if (name === '--scale') {
      const n = Number(value)
      if (!(Number.isFinite(n) && n > 0 && n <= 1))
        errors.push(`--scale 必须是大于 0、不超过 1 的数，例如 0.05（got ${value}）`)
      else args.scale = n
    } else if (name === '--seed') {
      if (value.trim() === '') errors.push('--seed 不能为空（must not be blank）')
      else args.seed = value
    } else {
      const date = LocalDate.safeParse(value)
      if (!date.success) errors.push(`--today 必须是真实的日期 YYYY-MM-DD（got ${value}）`)
      else args.today = date.data
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, args }
}
