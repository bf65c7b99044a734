import type { HouseholdFile } from '@anju/shared'
import { postingItem } from '../../db/job-postings'
import { seekerItem } from '../../db/job-seekers'
import {
  cameraRegisterGsi1Pk,
  cameraRegisterGsi1Sk,
  cameraRegisterKey,
  colourTrendKey,
  disputeGsi1Pk,
  disputeGsi1Sk,
  disputeKey,
  ENTITY,
  gridKey,
  householdGridSk,
  householdGsi1Pk,
  householdGsi2Pk,
  householdKey,
} from '../../db/keys'
import { userItem, wechatBindingItem } from '../../db/users'
import { WECHAT_BINDINGS } from '../fixture'
import type { Population } from './index'

// The population as table items. Residents live inside their household item (members), visits
// and colour history too, cameras inside one register per building, and each job seeker's profile
// beside their household (decision 068): about 13,000 items at full scale, which DynamoDB Local on disk writes within the start-up budget (docs/decisions/030).

export type Item = Record<string, unknown>

export function householdItem(h: HouseholdFile): Item {
  const p = h.address.path
  const c = p.communityId as string
  const sk = householdGridSk(p.areaId as string, p.buildingId as string, h.id)
  return {
    ...householdKey(h.id),
    entity: ENTITY.household,
    GSI1PK: householdGsi1Pk(c),
    GSI1SK: sk,
    // Sparse: only red and yellow households are listed by colour (the daily and weekly visit
    // lists); green ones come from GSI1. Saves a full copy of 94% of the households in GSI2.
    ...(h.verdict.overall === 'green' ? {} : { GSI2PK: householdGsi2Pk(c, h.verdict.overall), GSI2SK: sk }),
    ...h,
  }
}

export function populationItems(pop: Population): Item[] {
  const items: Item[] = [
    { ...gridKey(pop.grid.id), entity: ENTITY.grid, ...pop.grid },
    { ...colourTrendKey(pop.grid.id), entity: ENTITY.colourTrend, ...pop.trend },
    ...pop.users.map(userItem),
    ...WECHAT_BINDINGS.map((b) => wechatBindingItem(b.openid, b.userId)),
  ]
  for (const p of pop.postings) items.push(postingItem(p))
  for (const s of pop.seekers) items.push(seekerItem(s))
  for (const r of pop.registers) {
    items.push({
      ...cameraRegisterKey(r.buildingId),
      entity: ENTITY.cameraRegister,
      GSI1PK: cameraRegisterGsi1Pk(r.path.communityId as string),
      GSI1SK: cameraRegisterGsi1Sk(r.path.areaId as string, r.buildingId),
      ...r,
    })
  }
  const where = new Map(pop.households.map((h) => [h.id, h.address.path]))
  for (const d of pop.disputes) {
    const p = where.get(d.householdIds[0])
    if (!p) throw new Error(`dispute ${d.id} names an unknown household`)
    items.push({
      ...disputeKey(d.id),
      entity: ENTITY.dispute,
      GSI1PK: disputeGsi1Pk(p.communityId as string),
      GSI1SK: disputeGsi1Sk(p.areaId as string, p.buildingId as string, d.openedAt, d.id),
      ...d,
    })
  }
  for (const h of pop.households) items.push(householdItem(h))
  return items
}
