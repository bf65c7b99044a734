// The only module that reads process.env: everything else receives a Config.

export type Stage = 'local' | 'dev' | 'prod' | (string & {})

export interface Config {
  stage: Stage
  tableName: string
  /** DynamoDB Local's URL; absent on AWS. */
  dynamodbEndpoint?: string
  region: string
  jwtSecret: string
  wechat: { appid: string; secret: string; apiBase: string }
  /** The property company's 24-hour line, shown for emergencies; absent → no number is shown. */
  propertyDutyPhone?: string
  /**
   * Where ticket photos live: the S3 bucket in AWS (PHOTO_BUCKET), else — STAGE=local only — a
   * folder served by the local stack (PHOTO_DIR; `npm start` uses .data/photos). Neither outside
   * local: photos are unavailable.
   */
  photos: { bucket?: string; dir?: string }
  /**
   * Followers' notifications (decision 066): WeChat subscribe messages in AWS, the local outbox
   * (recorded in the table, shown by GET /api/notifications/local) in STAGE=local.
   */
  notifications: NotificationConfig
}

export interface NotificationConfig {
  channel: 'wechat' | 'local'
  /** WECHAT_SUBSCRIBE_TEMPLATE_ID: the one-time template for ticket updates ('' → none is sent). */
  templateId: string
  /** The template's four keywords: 报修事项 (thing), 状态 (phrase), 说明 (thing), 时间 (time). */
  fields: { title: string; status: string; text: string; time: string }
  /** Where a tap on the message leads (the resident's ticket page); `?id=<ticketId>` is added. */
  page: string
  /** developer | trial | formal: which build of the mini-program the tap opens. */
  miniprogramState: 'developer' | 'trial' | 'formal'
  /** Attempts per recipient before a delivery is given up (backoff doubles from backoffSeconds). */
  maxAttempts: number
  backoffSeconds: number
}

/** Used only when STAGE=local and no JWT_SECRET is given; never valid elsewhere. */
export const LOCAL_DEV_JWT_SECRET = 'anju-local-dev-secret-not-for-production-0123456789'

export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com'

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const stage = env.STAGE || 'local'
  const isLocal = stage === 'local'
  const jwtSecret = env.JWT_SECRET || (isLocal ? LOCAL_DEV_JWT_SECRET : '')
  // A short or missing secret outside local would make every token forgeable: refuse to start.
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be set (≥ 32 characters) outside STAGE=local')
  return {
    stage,
    tableName: env.TABLE_NAME || 'anju-local',
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || (isLocal ? 'local' : 'ap-east-1'),
    jwtSecret,
    propertyDutyPhone: dutyPhone(env.PROPERTY_DUTY_PHONE),
    photos: photoStorage(env, isLocal),
    notifications: notificationConfig(env, isLocal),
    wechat: {
      appid: env.WECHAT_APPID ?? '',
      secret: env.WECHAT_SECRET ?? '',
      apiBase: env.WECHAT_API_BASE || DEFAULT_WECHAT_API_BASE,
    },
  }
}

export function isLocalStage(config: Config): boolean {
  return config.stage === 'local'
}

/** A phone number a resident can dial (digits, optionally '-' separated); anything else is refused. */
function dutyPhone(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  if (!/^[0-9][0-9-]{2,19}$/.test(raw.trim()))
    throw new ConfigError(`PROPERTY_DUTY_PHONE is not a phone number: ${raw}`)
  return raw.trim()
}

function photoStorage(env: Record<string, string | undefined>, isLocal: boolean): Config['photos'] {
  const bucket = env.PHOTO_BUCKET || undefined
  if (bucket) return { bucket }
  // Outside local a folder would be the Lambda's throwaway /tmp, where photos vanish: neither, and
  // photo routes answer 503 (serverless.yml always sets the bucket).
  return isLocal ? { dir: env.PHOTO_DIR || undefined } : {}
}

function notificationConfig(env: Record<string, string | undefined>, isLocal: boolean): NotificationConfig {
  const [title = 'thing1', status = 'phrase2', text = 'thing3', time = 'time4'] = (env.WECHAT_SUBSCRIBE_FIELDS || '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  const state = env.WECHAT_MINIPROGRAM_STATE || 'formal'
  if (state !== 'developer' && state !== 'trial' && state !== 'formal')
    throw new ConfigError(`WECHAT_MINIPROGRAM_STATE must be developer, trial or formal: ${state}`)
  return {
    channel: isLocal ? 'local' : 'wechat',
    templateId: env.WECHAT_SUBSCRIBE_TEMPLATE_ID || (isLocal ? LOCAL_TEMPLATE_ID : ''),
    fields: { title, status, text, time },
    page: 'packages/resident/ticket/index',
    miniprogramState: state,
    maxAttempts: 5,
    backoffSeconds: 60,
  }
}

/** The template id the local stack stands in with when none is configured. */
export const LOCAL_TEMPLATE_ID = 'local-ticket-update'
