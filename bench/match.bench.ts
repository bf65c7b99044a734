// Budget (docs/rules.md, DESIGN §5): one seeker against 10,000 postings, top 20, ≤ 5 ms p99 in
// process. The measurement lives in sections/match.ts (also run by `npm run bench`); this prints it
// alone: `npx tsx bench/match.bench.ts`.
import { BUDGET_MS, runMatch, TOP } from './sections/match'

const POSTINGS = 10_000
const ROUNDS = 5
const RUNS_PER_ROUND = 1_000
const r = runMatch(POSTINGS, ROUNDS, RUNS_PER_ROUND)
const ms = (v: number) => `${v.toFixed(3)} ms`

console.log(`match: ${POSTINGS} postings, top ${TOP}, ${ROUNDS} rounds × ${RUNS_PER_ROUND} runs after warm-up runs`)
console.log(`  compile index      ${r.compileMs.toFixed(1)} ms (once per change of postings)`)
for (const [k, x] of r.rounds.entries()) console.log(`  round ${k + 1}            p50 ${ms(x.p50)}   p99 ${ms(x.p99)}`)
console.log(`  all runs, wall     p50 ${ms(r.wall.p50)}   p99 ${ms(r.wall.p99)}   max ${ms(r.wall.max)}`)
console.log(`  all runs, CPU      p50 ${ms(r.cpu.p50)}   p99 ${ms(r.cpu.p99)}`)
console.log(`  verdict            p99 ${ms(r.verdictP99)} (least disturbed round) against the ${BUDGET_MS} ms budget`)
console.log(`  mean matches       ${r.meanMatches.toFixed(1)}`)
if (r.verdictP99 > BUDGET_MS) {
  console.error(`OVER BUDGET: p99 ${ms(r.verdictP99)} > ${BUDGET_MS} ms`)
  process.exit(1)
}
console.log('within budget')
