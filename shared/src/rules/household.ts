// The red/yellow/green tag, per module, from a household's facts. Every colour carries the
// reasons that produced it, in the words staff use, because the tag decides who is visited daily.
import {
  type ColourOverride,
  DISPUTE_SEVERITY_LABELS,
  type DisputeSeverity,
  FIRE_FINDING_LABELS,
  type FireFindingKind,
  type HouseholdFacts,
  INTEGRATION_NEED_LABELS,
  POLICE_FLAG_LABELS,
  RISK_COLOUR_LABELS,
  RISK_MODULE_LABELS,
  type RiskColour,
  type RiskModule,
} from '../schemas/household'
import type { Role } from '../schemas/user'
import { colourRank, worstColour } from './colour'

type C = RiskColour

export interface HouseholdRules {
  elderlyAge: number
  workingAge: { min: number; max: number }
  perCapitaIncome: { red: number; yellow: number }
  livelihood: Record<
    | 'elderlyAlone'
    | 'emptyNest'
    | 'seriousIllness'
    | 'chronicIllness'
    | 'severeDisability'
    | 'mildDisability'
    | 'mainEarnerLost'
    | 'unstableWork'
    | 'unemployed',
    C
  >
  governance: { severity: Record<DisputeSeverity, C>; redWhenOpenDisputes: number; redWhenFailedRoundsOver: number }
  fireSafety: { severity: Record<FireFindingKind, C>; redWhenUnrectified: number }
  massOrg: { yellowWhenNeeds: number; redWhenNeeds: number; leftBehindChild: C; childInDifficulty: C }
  policing: { watch: C; high: C }
}

/** Every threshold of the colour rules, in one place (see docs/rules.md). */
export const HOUSEHOLD_RULES: HouseholdRules = {
  elderlyAge: 60,
  workingAge: { min: 16, max: 59 },
  /** Yuan per person per month: below `red` the household cannot live on it; below `yellow` it is fragile. */
  perCapitaIncome: { red: 800, yellow: 1500 },
  livelihood: {
    elderlyAlone: 'red',
    emptyNest: 'yellow',
    seriousIllness: 'red',
    chronicIllness: 'yellow',
    severeDisability: 'red',
    mildDisability: 'yellow',
    mainEarnerLost: 'red',
    unstableWork: 'yellow',
    unemployed: 'yellow',
  },
  governance: {
    severity: { minor: 'yellow', serious: 'yellow', major: 'red' },
    redWhenOpenDisputes: 2,
    /** More failed rounds than this puts the case under 包保, and the household at red. */
    redWhenFailedRoundsOver: 3,
  },
  fireSafety: {
    severity: {
      ebike_indoor_charging: 'red',
      blocked_exit: 'red',
      gas_hose_aged: 'red',
      wiring_overload: 'red',
      flammables_stored: 'yellow',
      no_smoke_alarm: 'yellow',
      other: 'yellow',
    },
    redWhenUnrectified: 3,
  },
  massOrg: { yellowWhenNeeds: 1, redWhenNeeds: 3, leftBehindChild: 'yellow', childInDifficulty: 'red' },
  policing: { watch: 'yellow', high: 'red' },
}

export interface ModuleVerdict {
  /** The colour in force: the override while it lasts, else the computed one. */
  colour: RiskColour
  computed: RiskColour
  reasons: string[]
  override?: Pick<ColourOverride, 'colour' | 'reason' | 'setBy' | 'setAt' | 'expiresAt'>
}

export interface HouseholdVerdict {
  overall: RiskColour
  modules: Partial<Record<RiskModule, ModuleVerdict>>
  reasons: string[]
}

interface Finding {
  colour: RiskColour
  reason: string
}

function verdictOf(findings: Finding[], allClear: string): { colour: RiskColour; reasons: string[] } {
  const risky = findings.filter((f) => f.colour !== 'green')
  if (risky.length === 0) return { colour: 'green', reasons: [allClear] }
  risky.sort((a, b) => colourRank(b.colour) - colourRank(a.colour))
  return { colour: worstColour(risky.map((f) => f.colour)), reasons: risky.map((f) => f.reason) }
}

function livelihood(facts: HouseholdFacts, rules: HouseholdRules): Finding[] {
  const cfg = rules.livelihood
  const found: Finding[] = []
  const total = facts.members.reduce((sum, m) => sum + m.monthlyIncome, 0)
  const perCapita = Math.round(total / facts.members.length)
  if (perCapita < rules.perCapitaIncome.red) {
    found.push({
      colour: 'red',
      reason: `人均月收入 ${perCapita} 元，低于 ${rules.perCapitaIncome.red} 元，难以维持生活`,
    })
  } else if (perCapita < rules.perCapitaIncome.yellow) {
    found.push({ colour: 'yellow', reason: `人均月收入 ${perCapita} 元，低于 ${rules.perCapitaIncome.yellow} 元` })
  }
  const [only] = facts.members
  if (facts.members.length === 1 && only.age >= rules.elderlyAge) {
    found.push({ colour: cfg.elderlyAlone, reason: `独居老人（${only.name}，${only.age} 岁）` })
  } else if (facts.emptyNest) {
    found.push({ colour: cfg.emptyNest, reason: '空巢老人家庭' })
  }
  if (facts.mainEarnerLost) found.push({ colour: cfg.mainEarnerLost, reason: '家庭失去主要劳动力' })
  for (const m of facts.members) {
    if (m.health === 'serious') found.push({ colour: cfg.seriousIllness, reason: `${m.name}患大病` })
    if (m.health === 'chronic') found.push({ colour: cfg.chronicIllness, reason: `${m.name}患慢性病` })
    if (m.disability === 'severe') found.push({ colour: cfg.severeDisability, reason: `${m.name}重度残疾` })
    if (m.disability === 'mild') found.push({ colour: cfg.mildDisability, reason: `${m.name}轻度残疾` })
    const working = m.age >= rules.workingAge.min && m.age <= rules.workingAge.max
    if (working && m.employment === 'unstable')
      found.push({ colour: cfg.unstableWork, reason: `${m.name}就业不稳定，随时可能断收入` })
    if (working && m.employment === 'unemployed')
      found.push({ colour: cfg.unemployed, reason: `${m.name}处于劳动年龄但失业` })
  }
  return found
}

function governance(facts: HouseholdFacts, rules: HouseholdRules): Finding[] {
  const cfg = rules.governance
  const found: Finding[] = facts.openDisputes.map((d) => ({
    colour: d.failedRounds > cfg.redWhenFailedRoundsOver ? 'red' : cfg.severity[d.severity],
    reason:
      d.failedRounds > cfg.redWhenFailedRoundsOver
        ? `${DISPUTE_SEVERITY_LABELS[d.severity]}矛盾纠纷已调解失败 ${d.failedRounds} 次`
        : `有未化解的${DISPUTE_SEVERITY_LABELS[d.severity]}矛盾纠纷`,
  }))
  if (facts.openDisputes.length >= cfg.redWhenOpenDisputes) {
    found.push({ colour: 'red', reason: `同时有 ${facts.openDisputes.length} 起未化解的矛盾纠纷` })
  }
  return found
}

function fireSafety(facts: HouseholdFacts, rules: HouseholdRules): Finding[] {
  const open = facts.fireFindings.filter((f) => !f.rectified)
  const found: Finding[] = open.map((f) => ({
    colour: rules.fireSafety.severity[f.kind],
    reason: `消防隐患未整改：${FIRE_FINDING_LABELS[f.kind]}`,
  }))
  if (open.length >= rules.fireSafety.redWhenUnrectified) {
    found.push({ colour: 'red', reason: `${open.length} 项消防隐患未整改` })
  }
  return found
}

function massOrg(facts: HouseholdFacts, rules: HouseholdRules): Finding[] {
  const cfg = rules.massOrg
  const found: Finding[] = []
  // A need ticked twice (two forms merged, a double tap) is still one need.
  const needs = [...new Set(facts.integrationNeeds)]
  if (needs.length >= cfg.yellowWhenNeeds) {
    const colour: RiskColour = needs.length >= cfg.redWhenNeeds ? 'red' : 'yellow'
    found.push({ colour, reason: `融入城镇生活需要帮助：${needs.map((n) => INTEGRATION_NEED_LABELS[n]).join('、')}` })
  }
  for (const m of facts.members) {
    if (m.childInDifficulty) found.push({ colour: cfg.childInDifficulty, reason: `${m.name}为困境儿童` })
    if (m.leftBehindChild) found.push({ colour: cfg.leftBehindChild, reason: `${m.name}为留守儿童` })
  }
  return found
}

function policing(facts: HouseholdFacts, rules: HouseholdRules): Finding[] {
  return facts.policeFlags.map((f) => ({
    colour: rules.policing[f.level],
    reason: `重点关注：${POLICE_FLAG_LABELS[f.kind]}`,
  }))
}

const MODULES: [RiskModule, (f: HouseholdFacts, r: HouseholdRules) => Finding[], string][] = [
  ['livelihood', livelihood, '收入稳定，无困难因素'],
  ['governance', governance, '无未化解的矛盾纠纷'],
  ['fire_safety', fireSafety, '无未整改的消防隐患'],
  ['mass_org', massOrg, '已融入社区生活'],
  ['policing', policing, '无重点关注事项'],
]

/** The override in force for a module at `now`: the most recently set one not yet expired. */
export function activeOverride(
  overrides: readonly ColourOverride[],
  module: RiskModule,
  now: string,
): ColourOverride | undefined {
  const at = Date.parse(now)
  return overrides
    .filter((o) => o.module === module && Date.parse(o.expiresAt) > at && Date.parse(o.setAt) <= at)
    .sort((a, b) => Date.parse(b.setAt) - Date.parse(a.setAt))[0]
}

export interface ClassifyOptions {
  /** Who will read the verdict: only police see the special-policing module. */
  viewer: Role
  now: string
  overrides?: readonly ColourOverride[]
}

/** One colour per module with reasons, and the overall colour the viewer may see. */
export function classifyHousehold(
  facts: HouseholdFacts,
  options: ClassifyOptions,
  rules: HouseholdRules = HOUSEHOLD_RULES,
): HouseholdVerdict {
  const modules: Partial<Record<RiskModule, ModuleVerdict>> = {}
  for (const [module, rule, allClear] of MODULES) {
    if (module === 'policing' && options.viewer !== 'police') continue
    const { colour: computed, reasons } = verdictOf(rule(facts, rules), allClear)
    const o = activeOverride(options.overrides ?? [], module, options.now)
    modules[module] = o
      ? {
          colour: o.colour,
          computed,
          reasons: [...reasons, `人工调整为${RISK_COLOUR_LABELS[o.colour]}：${o.reason}（至 ${o.expiresAt}）`],
          override: { colour: o.colour, reason: o.reason, setBy: o.setBy, setAt: o.setAt, expiresAt: o.expiresAt },
        }
      : { colour: computed, computed, reasons }
  }
  const entries = Object.entries(modules) as [RiskModule, ModuleVerdict][]
  const overall = worstColour(entries.map(([, v]) => v.colour))
  const reasons =
    overall === 'green'
      ? ['各模块均为绿色（低风险）']
      : entries
          .filter(([, v]) => v.colour !== 'green')
          .sort(([, a], [, b]) => colourRank(b.colour) - colourRank(a.colour))
          .flatMap(([m, v]) => v.reasons.map((r) => `${RISK_MODULE_LABELS[m]}：${r}`))
  return { overall, modules, reasons }
}
