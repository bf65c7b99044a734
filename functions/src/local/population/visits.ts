import { addLocalDays, type RecentVisit, type RiskColour } from '@anju/shared'
import { instant } from './instant'
import type { Rng } from './prng'

/**
 * The latest five visits on the rhythm of today's colour (red daily, yellow weekly, green
 * monthly), up to yesterday, mostly by the building head. A few homes are a little behind, so
 * the visit list has overdue entries to show.
 */
export function visitsFor(
  rng: Rng,
  householdId: string,
  colour: RiskColour,
  today: string,
  who: { head: string; communityStaff: string[] },
): RecentVisit[] {
  const late = rng.chance(0.04) ? rng.int(1, colour === 'red' ? 2 : 10) : 0
  const gap = colour === 'red' ? () => 1 : colour === 'yellow' ? () => 7 : () => 30
  const out: RecentVisit[] = []
  let back = late + (colour === 'red' ? 1 : rng.int(1, colour === 'yellow' ? 6 : 28))
  for (let i = 0; i < 5; i++) {
    const day = addLocalDays(today, -back)
    out.push({
      id: `v-${householdId}-${day.replaceAll('-', '')}`,
      at: instant(day, rng.int(9, 18)),
      visitorId: colour === 'red' && rng.chance(0.3) ? rng.pick(who.communityStaff) : who.head,
      note: rng.pick(NOTES[colour]),
    })
    back += gap()
  }
  return out
}

const NOTES: Record<RiskColour, string[]> = {
  red: [
    '上门看望，了解身体和生活情况',
    '帮助代购药品和生活用品',
    '陪同去社区卫生服务站复诊',
    '聊天疏导情绪，老人状态稳定',
  ],
  yellow: ['询问就业意愿，推荐附近岗位', '了解家庭收入变化', '宣传技能培训报名信息'],
  green: ['更新家庭档案信息', '入户走访，家庭情况稳定'],
}
