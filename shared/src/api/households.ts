import * as z from 'zod'
import { Id } from '../schemas/common'

// GET /api/households?buildingId= (staff who handle tickets): the households of one building of
// their scope, to pick the one a walk-in or a phone call is about. Deliberately minimal: where
// the home is and whose it is — no colour, no members, no facts.

const blank = (v: unknown) => (v === '' ? undefined : v)

export const ListHouseholdsQuery = z.object({
  buildingId: z.preprocess(blank, Id.optional()),
})
export type ListHouseholdsQuery = z.infer<typeof ListHouseholdsQuery>

export const BuildingChoice = z.object({ id: Id, name: z.string(), areaName: z.string(), communityName: z.string() })
export type BuildingChoice = z.infer<typeof BuildingChoice>

export const HouseholdChoice = z.object({ id: Id, headName: z.string(), unitName: z.string(), roomNo: z.string() })
export type HouseholdChoice = z.infer<typeof HouseholdChoice>

export const HouseholdListResponse = z.object({
  /** The buildings of the caller's scope, in grid order. */
  buildings: z.array(BuildingChoice),
  /** The building listed: the one asked for, or the only one of a building head's scope. */
  buildingId: Id.optional(),
  /** By unit, then room. Empty until a building is chosen when the scope has several. */
  households: z.array(HouseholdChoice),
})
export type HouseholdListResponse = z.infer<typeof HouseholdListResponse>

/** '1单元 0302室 · 李秀英' */
export function householdChoiceLabel(h: HouseholdChoice): string {
  return `${h.unitName} ${h.roomNo}室 · ${h.headName}`
}
