import type { RiskColour } from '../schemas/household'

const RANK: Record<RiskColour, number> = { green: 0, yellow: 1, red: 2 }

/** 0 for green, 1 for yellow, 2 for red: higher is worse. */
export function colourRank(colour: RiskColour): number {
  return RANK[colour]
}

/** The worse of the colours given; green when none. */
export function worstColour(colours: Iterable<RiskColour>): RiskColour {
  let worst: RiskColour = 'green'
  for (const c of colours) if (RANK[c] > RANK[worst]) worst = c
  return worst
}
