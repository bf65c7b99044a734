// 我要找工作's pictures (48×48 line drawings, same stroke as icons.ts): one per skill, so a
// resident who reads little picks by picture, and one per hours choice, body strength, reading
// and reason kind. Kept apart from icons.ts so the jobs pages can grow without touching it.

export const JOB_PATHS = {
  // Skills (SKILL_LABELS)
  forklift: '<path d="M6 34V16h14l6 12v6M32 6v30h10"/><circle cx="12" cy="38" r="4"/><circle cx="24" cy="38" r="4"/>',
  driving: '<circle cx="24" cy="24" r="17"/><circle cx="24" cy="24" r="4"/><path d="M7 22h13M28 22h13M24 28v13"/>',
  construction: '<path d="M6 34h36M10 34a14 14 0 0 1 28 0M20 21v-7h8v7"/>',
  masonry: '<rect x="6" y="10" width="36" height="28"/><path d="M6 19h36M6 29h36M18 10v9M30 19v10M18 29v9"/>',
  electrician: '<path d="M16 6v10M32 6v10M12 16h24v8a12 12 0 0 1-24 0zM24 36v6"/>',
  welding: '<path d="M8 40 26 22M26 22l6-6 4 4-6 6zM36 10l2-4M38 14l4-2M40 8l3-3"/>',
  plumbing: '<path d="M6 14h22v8H6zM28 16h6a4 4 0 0 1 4 4v8"/><path d="M38 32s-3 4-3 6a3 3 0 0 0 6 0c0-2-3-6-3-6z"/>',
  cooking: '<path d="M8 20h32v14a6 6 0 0 1-6 6H14a6 6 0 0 1-6-6zM4 20h4M40 20h4M18 14c0-3 2-3 2-6M26 14c0-3 2-3 2-6"/>',
  cleaning: '<path d="M30 6 20 26M12 26h16l4 16H8zM14 34v8M20 34v8M26 34v8"/>',
  farming: '<path d="M24 42V22M24 22c0-8-6-12-14-12 0 8 6 12 14 12zM24 28c0-8 6-12 14-12 0 8-6 12-14 12zM10 42h28"/>',
  mushroom: '<path d="M6 24a18 14 0 0 1 36 0zM18 24v14a3 3 0 0 0 3 3h6a3 3 0 0 0 3-3V24"/>',
  greenhouse: '<path d="M6 40V24a18 16 0 0 1 36 0v16zM6 40h36M16 40V14M32 40V14M24 40V8"/>',
  livestock:
    '<circle cx="24" cy="26" r="14"/><path d="M12 16 8 8l10 5M36 16l4-8-10 5"/><rect x="18" y="28" width="12" height="8" rx="4"/>',
  cashier:
    '<rect x="8" y="20" width="32" height="20" rx="2"/><path d="M14 20V8h20v12M14 28h4M22 28h4M30 28h4M14 34h20"/>',
  retail: '<path d="M10 16h28l-2 26H12zM18 16v-4a6 6 0 0 1 12 0v4"/>',
  warehouse: '<path d="M6 16 24 8l18 8v22l-18 8-18-8zM6 16l18 8 18-8M24 24v22"/>',
  delivery: '<path d="M4 12h26v22H4zM30 20h8l6 7v7H30"/><circle cx="12" cy="36" r="4"/><circle cx="36" cy="36" r="4"/>',
  security: '<path d="M24 5 8 11v11c0 10 7 18 16 21 9-3 16-11 16-21V11z"/><path d="m17 24 5 5 9-10"/>',
  elderly_care: '<circle cx="20" cy="9" r="4"/><path d="M20 14v14l-6 14M20 28l6 14M20 18l10 6M32 24v18"/>',
  childcare:
    '<path d="M8 20h28a14 12 0 0 1-28 0zM8 20V8a12 12 0 0 1 12 12M36 20l6-8"/><circle cx="14" cy="40" r="3"/><circle cx="30" cy="40" r="3"/>',
  sewing: '<path d="M40 8 12 36M36 8a3 3 0 1 1 4 4M12 36c-6 4-6 8 0 8s10-6 16-2"/>',
  embroidery: '<circle cx="24" cy="24" r="16"/><path d="m18 24 6-6 6 6-6 6zM24 4v4"/>',
  handicraft: '<path d="M8 18h32l-4 22H12zM8 18a16 12 0 0 1 32 0M14 26h20M16 33h16M20 18v22M28 18v22"/>',
  computer: '<rect x="6" y="8" width="36" height="24" rx="2"/><path d="M14 40h20M20 32l-2 8M28 32l2 8"/>',
  hairdressing: '<circle cx="12" cy="34" r="5"/><circle cx="12" cy="14" r="5"/><path d="M16 17 42 36M16 31 42 12"/>',
  // Hours (AVAILABILITY_LABELS) and the school run
  day: '<circle cx="24" cy="24" r="8"/><path d="M24 4v6M24 38v6M4 24h6M38 24h6M10 10l4 4M34 34l4 4M10 38l4-4M34 14l4-4"/>',
  night: '<path d="M30 6a18 18 0 1 0 12 26A14 14 0 0 1 30 6z"/>',
  any: '<circle cx="16" cy="18" r="6"/><path d="M16 4v4M16 28v4M4 18h4M24 18h4"/><path d="M36 24a9 9 0 1 0 6 14 7 7 0 0 1-6-14z"/>',
  part_time: '<path d="M12 6h24M12 42h24M14 6c0 10 20 12 20 18S14 32 14 42M34 6c0 10-20 12-20 18s20 8 20 18"/>',
  school_run:
    '<circle cx="22" cy="10" r="5"/><path d="M22 16v14M14 22l8-4 8 4M16 42l6-12 6 12"/><rect x="30" y="18" width="8" height="12" rx="2"/>',
  // Body strength (PHYSICAL_LIMIT_LABELS)
  light: '<path d="M10 40 38 12M38 12c-14 0-24 10-24 24 14 0 24-10 24-24zM20 30h8M24 24h8"/>',
  moderate: '<rect x="12" y="18" width="24" height="20" rx="2"/><path d="M18 18v-6h12v6"/>',
  heavy: '<path d="M6 24h36M10 16v16M16 12v24M32 12v24M38 16v16"/>',
  // Reading (READING_LABELS): someone tells me / I read a little / I read
  ear: '<path d="M14 18a10 10 0 1 1 18 6c-3 3-5 5-5 9a5 5 0 0 1-9 2"/><path d="M20 20a4 4 0 0 1 7 3"/>',
  eye: '<path d="M4 24s8-12 20-12 20 12 20 12-8 12-20 12S4 24 4 24z"/><circle cx="24" cy="24" r="5"/>',
  // Reasons, wage, experience, status
  money: '<circle cx="24" cy="24" r="17"/><path d="m17 14 7 9 7-9M16 26h16M16 32h16M24 23v13"/>',
  calendar: '<rect x="6" y="10" width="36" height="32" rx="2"/><path d="M6 20h36M16 6v8M32 6v8"/>',
  star: '<path d="m24 6 5 11 12 1-9 8 3 12-11-7-11 7 3-12-9-8 12-1z"/>',
  send: '<path d="M42 6 6 22l14 6 6 14zM20 28 42 6"/>',
  cross: '<circle cx="24" cy="24" r="17"/><path d="m17 17 14 14M31 17 17 31"/>',
  person: '<circle cx="24" cy="14" r="7"/><path d="M10 42a14 14 0 0 1 28 0"/>',
  pen: '<path d="M8 40l4-12L34 6l8 8-22 22zM28 12l8 8"/>',
} as const
