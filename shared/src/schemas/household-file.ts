import * as z from 'zod'
import { Id, IsoDateTime } from './common'
import { HomeAddress } from './grid'
import { HouseholdFacts, Member, RiskColour, RiskModule } from './household'
import { Literacy } from './job'
import { ColourChange } from './visit'

// The household file (数字化档案) staff keep: the people, the facts the colour rules read, the
// verdict those rules gave, and how the colour moved. Residents never see the colour parts.

export const Sex = z.enum(['male', 'female'])
export type Sex = z.infer<typeof Sex>

export const Relation = z.enum(['head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'sibling', 'other'])
export type Relation = z.infer<typeof Relation>
export const RELATION_LABELS: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  child_in_law: '儿媳/女婿',
  grandchild: '孙子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  other: '其他',
}

/** An 18-character resident ID number: a string (leading digits and a final X must survive). */
export const IdNumberString = z.string().regex(/^\d{17}[\dX]$/)

/** One person of a household: what the rules read (Member) plus who they are. */
export const Person = Member.extend({
  id: Id,
  idNumber: IdNumberString,
  sex: Sex,
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  relation: Relation,
  ethnicity: z.string(),
  literacy: Literacy,
  /** Works far from home (外出务工): family who may watch a care camera from afar. */
  awayForWork: z.boolean().default(false),
  /** The account of a person who signs in (building heads, dev residents). */
  userId: Id.optional(),
})
export type Person = z.infer<typeof Person>

/** Where a household came from: a real village code of the national division list. */
export const Origin = z.object({
  countyCode: z.string().regex(/^\d{6}$/),
  countyName: z.string(),
  townshipCode: z.string().regex(/^\d{9}$/),
  townshipName: z.string(),
  villageCode: z.string().regex(/^\d{12}$/),
  villageName: z.string(),
})
export type Origin = z.infer<typeof Origin>

export const ModuleColour = z.object({ colour: RiskColour, reasons: z.array(z.string()) })
export type ModuleColour = z.infer<typeof ModuleColour>

/** The rules' verdict as stored: overall for staff (no policing module) and each module's colour. */
export const StoredVerdict = z.object({
  overall: RiskColour,
  /** Overall as police see it (with the special-policing module). */
  overallPolice: RiskColour,
  modules: z.partialRecord(RiskModule, ModuleColour),
  reasons: z.array(z.string()),
  computedAt: IsoDateTime,
})
export type StoredVerdict = z.infer<typeof StoredVerdict>

export const RecentVisit = z.object({ id: Id, at: IsoDateTime, visitorId: Id, note: z.string().optional() })
export type RecentVisit = z.infer<typeof RecentVisit>

export const HouseholdFile = z.object({
  id: Id,
  headName: z.string(),
  address: HomeAddress,
  origin: Origin,
  movedInOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  facts: HouseholdFacts.extend({ members: z.array(Person).min(1) }),
  verdict: StoredVerdict,
  /** Every change of the overall (staff) colour, oldest first. */
  colourHistory: z.array(ColourChange).min(1),
  /** The latest visits, newest first (at most five); older visits are not kept on the file. */
  recentVisits: z.array(RecentVisit),
  disputeIds: z.array(Id),
  cameraIds: z.array(Id),
})
export type HouseholdFile = z.infer<typeof HouseholdFile>
