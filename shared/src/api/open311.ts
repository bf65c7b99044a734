import * as z from 'zod'
import { blankToUndefined } from '../rules/text'
import { ticketDescription } from '../schemas/ticket'

// Open311 GeoReport v2, JSON only (https://wiki.open311.org/GeoReport_v2). The response shapes are
// written from the spec (and the open311/schema-validation JSON schemas) and are strict, so the
// conformance test fails on any field we add by accident — a leaked field is a failing test.
// Field names are the spec's snake_case; nothing here is ours except the Chinese messages.

/** GeoReport v2 knows two statuses only; our finer status goes into `status_notes`. */
export const Open311Status = z.enum(['open', 'closed'])
export type Open311Status = z.infer<typeof Open311Status>

const nullableText = z.string().nullable().optional()
/** w3 date-time with a zone (Z or ±hh:mm), as the spec requires of every date field. */
const W3DateTime = z.iso.datetime({ offset: true })

/** GET services.json: one element of the top-level array. */
export const Open311Service = z
  .object({
    service_code: z.string().min(1),
    service_name: z.string().min(1),
    description: nullableText,
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: nullableText,
    group: nullableText,
  })
  .strict()
export type Open311Service = z.infer<typeof Open311Service>
export const Open311ServiceList = z.array(Open311Service)

export const Open311Datatype = z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'])
export type Open311Datatype = z.infer<typeof Open311Datatype>

export const Open311AttributeValue = z.object({ key: z.string().min(1), name: z.string().min(1) }).strict()
export type Open311AttributeValue = z.infer<typeof Open311AttributeValue>

export const Open311Attribute = z
  .object({
    variable: z.boolean(),
    code: z.string().min(1),
    datatype: Open311Datatype,
    required: z.boolean(),
    datatype_description: nullableText,
    order: z.number().int().positive().nullable().optional(),
    description: nullableText,
    values: z.array(Open311AttributeValue).optional(),
  })
  .strict()
  .refine((a) => !a.datatype.endsWith('valuelist') || (a.values?.length ?? 0) > 0, {
    error: 'a list attribute must list its values',
  })
export type Open311Attribute = z.infer<typeof Open311Attribute>

/** GET services/{code}.json: an object, not an array. */
export const Open311ServiceDefinition = z
  .object({ service_code: z.string().min(1), attributes: z.array(Open311Attribute) })
  .strict()
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>

/** GET requests.json and requests/{id}.json: one element of the top-level array. */
export const Open311ServiceRequest = z
  .object({
    service_request_id: z.string().min(1),
    status: Open311Status,
    status_notes: nullableText,
    service_name: nullableText,
    service_code: z.string().min(1),
    description: z.string().max(4000).nullable().optional(),
    agency_responsible: nullableText,
    service_notice: nullableText,
    requested_datetime: W3DateTime,
    updated_datetime: W3DateTime.nullable().optional(),
    expected_datetime: W3DateTime.nullable().optional(),
    address: nullableText,
    address_id: nullableText,
    zipcode: nullableText,
    lat: z.number().nullable().optional(),
    long: z.number().nullable().optional(),
    media_url: z.url().nullable().optional(),
  })
  .strict()
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequest>
export const Open311ServiceRequestList = z.array(Open311ServiceRequest)

/** POST requests.json answers an array of these (a realtime service: an id, never a token). */
export const Open311CreatedRequest = z
  .object({
    service_request_id: z.string().min(1),
    service_notice: nullableText,
    account_id: nullableText,
  })
  .strict()
export type Open311CreatedRequest = z.infer<typeof Open311CreatedRequest>
export const Open311CreatedList = z.array(Open311CreatedRequest).min(1)

/** Every error of this API: a top-level array of { code, description }. */
export const Open311Error = z.object({ code: z.number().int(), description: z.string().min(1) }).strict()
export type Open311Error = z.infer<typeof Open311Error>
export const Open311Errors = z.array(Open311Error).min(1)

// ---- requests (query strings and bodies) ----

/** The most ids one GET requests.json?service_request_id= may name. */
export const OPEN311_MAX_IDS = 100
/** The spec's cap on one list, and its widest date range. */
export const OPEN311_MAX_REQUESTS = 1000
export const OPEN311_MAX_RANGE_DAYS = 90

/** A comma-delimited list (the spec's way to repeat a filter); blank means absent. */
function commaList<T extends z.ZodType>(item: T, label: string, max = 50) {
  return z.preprocess(
    (v) => {
      const s = blankToUndefined(v)
      if (typeof s !== 'string') return s
      return s
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
    },
    z
      .array(item)
      .max(max, { error: `${label}最多 ${max} 个` })
      .optional(),
  )
}

const OurId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '报修单编号（service_request_id）格式不正确' })
const ServiceCode = z.string().regex(/^[a-z_.]{1,40}$/, { error: '服务代码（service_code）格式不正确' })
const optionalDate = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.iso.datetime({ offset: true, error: `${label}应为带时区的时间，例如 2026-12-01T00:00:00+08:00` }).optional(),
  )

/** GET requests.json query (besides api_key and jurisdiction_id, which are not filters). */
export const Open311ListQuery = z.object({
  service_request_id: commaList(OurId, '报修单编号（service_request_id）', OPEN311_MAX_IDS),
  service_code: commaList(ServiceCode, '服务代码（service_code）'),
  status: commaList(z.enum(Open311Status.options, { error: '状态（status）只能是 open 或 closed' }), '状态（status）'),
  start_date: optionalDate('开始时间（start_date）'),
  end_date: optionalDate('结束时间（end_date）'),
})
export type Open311ListQuery = z.infer<typeof Open311ListQuery>

/**
 * POST requests.json, after the form or JSON body is read into one object: `attribute[code]=v`
 * pairs arrive as `attribute: { code: v }`. Only `address_id` (our household id) locates a
 * request; lat/long and address_string are refused by the service. Personal fields the spec
 * allows (email, first_name, last_name, phone, device_id, account_id) are dropped, never stored.
 */
export const Open311CreateRequest = z.object({
  service_code: z.preprocess(
    blankToUndefined,
    z.string({ error: '请填写服务代码（service_code）' }).min(1, { error: '请填写服务代码（service_code）' }),
  ),
  address_id: z.preprocess(
    blankToUndefined,
    z
      .string({ error: '请填写住户编号（address_id）' })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '住户编号（address_id）格式不正确' }),
  ),
  description: ticketDescription,
  attribute: z.record(z.string(), z.unknown()).default({}),
  /** Not in the spec: a client key that makes a retry safe (else one is derived from the body). */
  idempotency_key: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '提交编号（idempotency_key）格式不正确' })
      .optional(),
  ),
})
export type Open311CreateRequest = z.infer<typeof Open311CreateRequest>
