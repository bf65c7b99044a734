import * as z from 'zod'

// WeChat forbids eval/new Function, which zod's fast object parser would otherwise generate.
// Imported first by app.ts so no schema parses before this runs.
z.config({ jitless: true })
