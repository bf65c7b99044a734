import { addLocalDays } from '@anju/shared'
import { colourOnDay, pastEpisode, type Timeline } from './history'
import { daysBetween } from './households'
import type { Rng } from './prng'

/**
 * Three years ago: hardships now over (integration needs of new arrivals, lost jobs, low income),
 * laid on households green on that day until the rules give the target red and yellow counts
 * (500+ and 2,000+ published), then short spells of unemployment or a fire hazard in between.
 */
export function addPastHardships(
  rng: Rng,
  timelines: Timeline[],
  t0: string,
  today: string,
  target: { red: number; yellow: number },
): void {
  const span = daysBetween(t0, today)
  const at0 = timelines.map((t) => colourOnDay(t, t0))
  const count = (c: string) => at0.filter((x) => x === c).length
  const greenAt0 = rng.shuffle(timelines.map((_, i) => i).filter((i) => at0[i] === 'green'))
  const latest = addLocalDays(today, -7)
  // Hardships end spread over the three years (red ones sooner), never after last week.
  const endAfter = (skew: number) => {
    const e = addLocalDays(t0, 20 + Math.floor((span - 30) * rng.next() ** skew))
    // biome-ignore lint/complexity/useMathMinMax: calendar dates are strings, compared as such
    return e < latest ? e : latest
  }
  let red = count('red')
  let yellow = count('yellow')
  for (const i of greenAt0) {
    const kind = red < target.red ? 'red' : yellow < target.yellow ? 'yellow' : undefined
    if (!kind) break
    timelines[i].episodes.push(
      pastEpisode(rng, kind, addLocalDays(t0, -rng.int(30, 400)), endAfter(kind === 'red' ? 1.4 : 1)),
    )
    const c = colourOnDay(timelines[i], t0)
    if (c === 'red') red++
    else if (c === 'yellow') yellow++
  }
  const all = timelines.map((_, i) => i)
  for (const i of rng.sample(all, Math.round(timelines.length * 0.07))) {
    const start = addLocalDays(t0, rng.int(30, span - 200))
    timelines[i].episodes.push(pastEpisode(rng, 'spell', start, addLocalDays(start, rng.int(14, 150))))
  }
}
