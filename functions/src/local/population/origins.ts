import type { Origin } from '@anju/shared'
import reference from '../reference/zhaotong-divisions.json'
import type { Rng } from './prng'

/**
 * The origin villages: 297 real villages (村民委员会, the mountain villages, not town communities)
 * from five of Zhaotong's counties, drawn from the reference extract. The published figure is
 * "297 villages in 5 counties"; which five is our choice (see docs/data.md), and so is the split.
 */
export const ORIGIN_COUNTIES: { code: string; villages: number; weight: number }[] = [
  { code: '530622', villages: 90, weight: 30 }, // 巧家县
  { code: '530621', villages: 60, weight: 22 }, // 鲁甸县
  { code: '530625', villages: 60, weight: 19 }, // 永善县
  { code: '530602', villages: 45, weight: 15 }, // 昭阳区
  { code: '530628', villages: 42, weight: 14 }, // 彝良县
]
export const ORIGIN_VILLAGE_COUNT = ORIGIN_COUNTIES.reduce((s, c) => s + c.villages, 0)

export interface OriginVillage extends Origin {
  countyIndex: number
}

/** The 297 villages, chosen deterministically; each county's list in code order. */
export function originVillages(rng: Rng): OriginVillage[] {
  const out: OriginVillage[] = []
  ORIGIN_COUNTIES.forEach(({ code, villages }, countyIndex) => {
    const county = reference.counties.find((c) => c.code === code)
    if (!county) throw new Error(`county ${code} missing from the reference extract`)
    const candidates = county.townships
      // Yanchi itself is the destination, not an origin.
      .filter((t) => t.code !== reference.subdistrict.code)
      .flatMap((t) =>
        t.villages
          .filter(([, name]) => name.endsWith('村民委员会'))
          .map(([villageCode, name]) => ({
            countyIndex,
            countyCode: county.code,
            countyName: county.name,
            townshipCode: t.code,
            townshipName: t.name,
            villageCode,
            villageName: villageName(name),
          })),
      )
    if (candidates.length < villages) throw new Error(`county ${code} has only ${candidates.length} villages`)
    out.push(...rng.sample(candidates, villages).sort((a, b) => a.villageCode.localeCompare(b.villageCode)))
  })
  return out
}

/** 河玉村民委员会 → 河玉村; 新田村村民委员会 → 新田村 (the committee's name already says 村). */
export function villageName(committee: string): string {
  const base = committee.replace(/村民委员会$/, '')
  return base.endsWith('村') ? base : `${base}村`
}

/** A village for a new household: counties by weight, villages evenly within a county. */
export function pickOrigin(rng: Rng, villages: OriginVillage[], byCounty: OriginVillage[][]): OriginVillage {
  const countyIndex = rng.weighted(ORIGIN_COUNTIES.map((c, i) => [i, c.weight] as const))
  return rng.pick(byCounty[countyIndex] ?? villages)
}
