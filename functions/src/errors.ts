import type { FieldError } from '@anju/shared'

// Typed errors raised by services and repositories. http/errors.ts maps `code` to an HTTP status
// in one place; nothing else decides status codes.

export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unavailable'

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode
  constructor(
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class ValidationError extends AppError {
  readonly code = 'validation'
}
export class MalformedJsonError extends AppError {
  readonly code = 'validation'
  constructor() {
    super('请求内容不是有效的 JSON')
  }
}

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized'
  constructor(message = '请先登录') {
    super(message)
  }
}
export class InvalidWechatCodeError extends AppError {
  readonly code = 'unauthorized'
  constructor() {
    super('微信登录凭证无效或已过期，请重新进入小程序')
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden'
  constructor(message = '您没有权限进行此操作') {
    super(message)
  }
}
export class UnboundWechatError extends AppError {
  readonly code = 'forbidden'
  constructor() {
    super('该微信尚未绑定住户，请联系楼栋长')
  }
}
export class DevOnlyError extends AppError {
  readonly code = 'forbidden'
  constructor() {
    super('仅本地开发环境可用')
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found'
  constructor(message = '找不到该内容') {
    super(message)
  }
}
export class TicketNotFoundError extends NotFoundError {
  constructor() {
    super('找不到该报修单')
  }
}

export class ConflictError extends AppError {
  readonly code = 'conflict'
}
export class IdempotencyConflictError extends ConflictError {
  constructor() {
    super('该提交编号已用于另一份不同的内容，请刷新后重新提交')
  }
}
export class TicketStateError extends ConflictError {
  constructor(statusLabel: string, verb = '受理') {
    super(`报修单当前状态为“${statusLabel}”，无法${verb}`)
  }
}

export class ConcurrentChangeError extends ConflictError {
  constructor() {
    super('有人正在同时处理这张报修单，请刷新后再试')
  }
}

export class AlreadyFollowingError extends ConflictError {
  constructor() {
    super('您已经报告过这个问题，有进展会通知您')
  }
}

export class UnavailableError extends AppError {
  readonly code = 'unavailable'
}
export class WechatUnavailableError extends UnavailableError {
  constructor() {
    super('微信服务暂时不可用，请稍后再试')
  }
}
export class PhotosUnavailableError extends UnavailableError {
  constructor() {
    super('照片功能暂时不可用，请先不加照片提交')
  }
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'too_large'
  constructor() {
    super('提交的内容太大了')
  }
}

/** An upload the local photo endpoint refused (S3 refuses for itself in AWS); names the field. */
export class PhotoUploadError extends AppError {
  constructor(
    readonly code: ErrorCode,
    field: string,
    message: string,
  ) {
    super(message, [{ path: field, message }])
  }
}
