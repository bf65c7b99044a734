import { idCheckCharacter } from '@anju/shared'
import type { Rng } from './prng'

/**
 * Synthetic resident ID numbers (GB 11643 layout, valid check character), always strings.
 * The six-digit area code is 53069x — inside Zhaotong's 5306 prefix but allocated to no county
 * (see the reference extract), so no generated number can be a real person's.
 */
export class IdNumbers {
  private readonly used = new Set<string>()

  constructor(private readonly rng: Rng) {}

  next(countyIndex: number, birthDate: string, sex: 'male' | 'female'): string {
    const area = `53069${countyIndex % 10}`
    const date = birthDate.replaceAll('-', '')
    for (;;) {
      // 17th digit: odd for men, even for women.
      const order = this.rng.int(0, 99)
      const sexDigit = this.rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0)
      const first17 = `${area}${date}${String(order).padStart(2, '0')}${sexDigit}`
      const id = `${first17}${idCheckCharacter(first17)}`
      if (!this.used.has(id)) {
        this.used.add(id)
        return id
      }
    }
  }
}

/** A birth date for someone `age` years old on `today` (YYYY-MM-DD). */
export function birthDateFor(rng: Rng, age: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number)
  const dayOfYear = rng.int(0, 364)
  // Born between (age+1) years and age years before today.
  const t = Date.UTC(y - age - 1, m - 1, d) + (dayOfYear + 1) * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

export { ageOn } from '@anju/shared'
