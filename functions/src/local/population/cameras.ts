import { addLocalDays, type CameraConsent, type CameraReason, type HouseholdFile, type Person } from '@anju/shared'
import { instant } from './instant'
import { personName } from './names'
import type { Rng } from './prng'

/**
 * 4,082 care cameras, each with the person's and a family member's consent, in the homes that
 * SEED.md names: elderly living alone first, then empty nests, the ill and disabled, children in
 * difficulty or left behind, then elderly people whose children work far away. A second camera
 * goes to homes with two people cared for, or to the elderly living alone.
 */
export const PUBLISHED_CAMERAS = 4082

function candidates(h: HouseholdFile): { person: Person; reason: CameraReason; priority: number }[] {
  const ms = h.facts.members
  const out: { person: Person; reason: CameraReason; priority: number }[] = []
  for (const m of ms) {
    if (ms.length === 1 && m.age >= 60) out.push({ person: m, reason: 'elderly_alone', priority: 0 })
    else if (h.facts.emptyNest && m.age >= 60) out.push({ person: m, reason: 'empty_nest', priority: 1 })
    else if (m.health === 'serious') out.push({ person: m, reason: 'illness', priority: 1 })
    else if (m.disability === 'severe') out.push({ person: m, reason: 'disability', priority: 1 })
    else if (m.childInDifficulty || m.leftBehindChild) out.push({ person: m, reason: 'child', priority: 2 })
    else if (m.age >= 60 && ms.some((x) => x.awayForWork))
      out.push({ person: m, reason: 'elderly_family_away', priority: 3 })
    else if (m.age >= 60) out.push({ person: m, reason: 'elderly_family_away', priority: 4 })
  }
  return out
}

export function generateCameras(
  rng: Rng,
  households: HouseholdFile[],
  target: number,
  start: string,
  today: string,
): CameraConsent[] {
  const pool = households.flatMap((h) => candidates(h).map((c) => ({ h, ...c })))
  // Within a priority, which homes agreed is a draw; order by priority then by draw.
  const keyed = pool.map((p) => ({ p, k: p.priority + rng.next() }))
  keyed.sort((a, b) => a.k - b.k)
  const chosen = keyed.slice(0, target).map((x) => x.p)
  // Short of the published count: a second camera (bedroom and living room) in the homes that
  // need the most watching, elderly living alone first.
  for (let i = 0; chosen.length < target && i < keyed.length; i++) chosen.push(keyed[i].p)
  const revoked = Math.round(target * 0.015)
  const out: CameraConsent[] = []
  const perHousehold = new Map<string, number>()
  chosen.forEach(({ h, person, reason }, i) => {
    const n = (perHousehold.get(h.id) ?? 0) + 1
    perHousehold.set(h.id, n)
    const installedDay = addLocalDays(start, rng.int(0, Math.max(1, daysBetweenSimple(start, today) - 2)))
    const agreedDay = addLocalDays(installedDay, -rng.int(1, 14))
    const away = h.facts.members.find((m) => m !== person && m.age >= 18 && (m.awayForWork || m.relation === 'child'))
    const sex = rng.chance(0.5) ? 'male' : 'female'
    const familyName = away?.name ?? personName(rng, { sex, ethnicity: '汉族', surname: Array.from(person.name)[0] })
    const consent: CameraConsent = {
      id: `cam-${h.id}-${n}`,
      householdId: h.id,
      path: h.address.path,
      reason,
      person: { personId: person.id, name: person.name, agreedAt: instant(agreedDay, 10) },
      family: {
        name: familyName,
        relation: away
          ? person.age >= 60
            ? '子女'
            : '父母'
          : sex === 'male'
            ? '儿子（外出务工）'
            : '女儿（外出务工）',
        ...(away ? { personId: away.id } : {}),
        agreedAt: instant(agreedDay, 20),
      },
      installedAt: instant(installedDay, 15),
    }
    out.push(consent)
    // A few families later asked for the camera to be removed: consent is revocable.
    if (i < revoked) {
      const again: CameraConsent = {
        ...consent,
        id: `cam-${h.id}-${n}-r`,
        installedAt: instant(addLocalDays(installedDay, -200), 15),
      }
      again.person = { ...consent.person, agreedAt: instant(addLocalDays(installedDay, -210), 10) }
      again.family = { ...consent.family, agreedAt: instant(addLocalDays(installedDay, -210), 20) }
      out.push({
        ...again,
        revokedAt: instant(addLocalDays(installedDay, -20), 11),
        revokedReason: '家属要求拆除，后经协商重新安装',
      })
    }
  })
  return out
}

function daysBetweenSimple(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}
