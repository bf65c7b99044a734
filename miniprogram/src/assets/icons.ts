// Small line icons as SVG data URIs: emoji render as boxes where no emoji font exists (headless
// Chromium, some Android phones), and image files would each cost a request and package bytes.
// All are 48×48, stroked in a dark colour that keeps ≥ 4.5:1 on the light tile backgrounds.

import { JOB_PATHS } from './job-icons'

const STROKE = '#1d3f66'

const PATHS = {
  job: '<rect x="6" y="15" width="36" height="25" rx="3"/><path d="M17 15v-5h14v5M6 26h36"/>',
  repair: '<path d="M30 7a9 9 0 0 0-8 12L8 33a4 4 0 0 0 6 6l14-14a9 9 0 0 0 12-8l-6 4-5-2-1-5z"/>',
  help: '<path d="M24 40S8 30 8 19a8 8 0 0 1 16-3 8 8 0 0 1 16 3c0 11-16 21-16 21z"/>',
  law: '<path d="M8 10h12a4 4 0 0 1 4 4v26a3 3 0 0 0-3-3H8zM40 10H28a4 4 0 0 0-4 4v26a3 3 0 0 1 3-3h13z"/>',
  lift: '<rect x="10" y="6" width="28" height="36" rx="2"/><path d="M24 6v36M16 18l3-4 3 4M26 14l3 4 3-4"/>',
  water: '<path d="M24 6S12 20 12 29a12 12 0 0 0 24 0C36 20 24 6 24 6z"/>',
  power: '<path d="M27 4 12 27h11l-3 17 16-24H25z"/>',
  gas: '<path d="M24 42c-8 0-12-6-12-12 0-9 9-12 9-22 6 4 14 12 14 22 0 6-4 12-11 12z"/><path d="M24 42c-3 0-5-3-5-6 0-4 5-7 5-7s5 3 5 7c0 3-2 6-5 6z"/>',
  leak: '<path d="M6 12h24v8H6zM30 14h8v14"/><path d="M38 32s-3 4-3 6a3 3 0 0 0 6 0c0-2-3-6-3-6z"/>',
  door_window: '<rect x="10" y="5" width="28" height="38" rx="1"/><path d="M31 25v2M6 43h36"/>',
  lighting: '<path d="M17 30a11 11 0 1 1 14 0v5H17zM18 40h12M24 35v-8"/>',
  sanitation: '<path d="M9 13h30M19 13V8h10v5M12 13l3 29h18l3-29M20 20v15M28 20v15"/>',
  noise: '<path d="M8 18h7l9-8v28l-9-8H8zM31 17a9 9 0 0 1 0 14M36 12a16 16 0 0 1 0 24"/>',
  public_facility: '<path d="M6 42h36M9 42V20l15-12 15 12v22M19 42V30h10v12"/>',
  other: '<circle cx="12" cy="24" r="3"/><circle cx="24" cy="24" r="3"/><circle cx="36" cy="24" r="3"/>',
  home: '<path d="M6 22 24 7l18 15M11 18v23h26V18M20 41V29h8v12"/>',
  spot: '<path d="M24 43S10 29 10 19a14 14 0 0 1 28 0c0 10-14 24-14 24z"/><circle cx="24" cy="19" r="5"/>',
  speaker: '<path d="M8 18h7l9-8v28l-9-8H8zM31 17a9 9 0 0 1 0 14M36 12a16 16 0 0 1 0 24"/>',
  clock: '<circle cx="24" cy="24" r="17"/><path d="M24 14v11l7 5"/>',
  check: '<circle cx="24" cy="24" r="17"/><path d="m16 24 6 6 11-12"/>',
  progress: '<path d="M38 24a14 14 0 1 1-4-10M38 8v8h-8"/>',
  done: '<path d="m9 25 10 10 20-22"/>',
  closed: '<rect x="12" y="21" width="24" height="19" rx="2"/><path d="M17 21v-6a7 7 0 0 1 14 0v6"/>',
  list: '<path d="M16 12h24M16 24h24M16 36h24M8 12h2M8 24h2M8 36h2"/>',
  exit: '<path d="M20 8H9v32h11M30 16l8 8-8 8M38 24H18"/>',
  phone: '<path d="M14 6h7l3 9-5 3a24 24 0 0 0 11 11l3-5 9 3v7a4 4 0 0 1-4 4C20 38 10 28 10 10a4 4 0 0 1 4-4z"/>',
  camera: '<path d="M6 15h8l3-5h14l3 5h8v25H6z"/><circle cx="24" cy="27" r="7"/>',
  desk: '<rect x="6" y="10" width="36" height="22" rx="2"/><path d="M18 40h12M24 32v8"/>',
  // 为民办实事: a banknote, a house with a wrench, a moon with a cross, a form.
  atm_cash:
    '<rect x="5" y="13" width="38" height="22" rx="3"/><circle cx="24" cy="24" r="5"/><path d="M11 19v10M37 19v10"/>',
  home_repair:
    '<path d="M6 22 24 7l18 15M11 18v23h26V18"/><path d="M29 24a5 5 0 0 0-6 6l-6 6a2 2 0 0 0 3 3l6-6a5 5 0 0 0 6-6l-3 2-3-1-1-3z"/>',
  night_escort: '<path d="M21 8a15 15 0 1 0 17 19A12 12 0 0 1 21 8z"/><path d="M35 5v10M30 10h10"/>',
  errand: '<path d="M12 6h17l9 9v27H12z"/><path d="M29 6v9h9M18 24h14M18 31h14M18 38h8"/>',
  ...JOB_PATHS,
} as const

export type IconName = keyof typeof PATHS

/** A data URI usable as <Image src>, in weapp and H5 alike. */
export function iconUri(name: IconName, colour: string = STROKE): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48" fill="none" stroke="${colour}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}
