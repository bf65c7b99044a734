import type { FieldError } from '@anju/shared'

/** Every failure of an API call is one of these, so pages can branch on the class, not on numbers. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** 400: the server names the fields that are wrong, in Chinese. */
export class ValidationError extends ApiError {
  constructor(
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message, 400, 'validation')
  }
}

/** 401 that a re-login could not cure. */
export class AuthError extends ApiError {
  constructor(message = '请重新登录') {
    super(message, 401, 'unauthorized')
  }
}

/** 403: signed in, but the thing is outside this person's scope. */
export class ForbiddenError extends ApiError {
  constructor(message = '没有权限查看') {
    super(message, 403, 'forbidden')
  }
}

export class NotFoundError extends ApiError {
  constructor(message = '没有找到') {
    super(message, 404, 'not_found')
  }
}

export class ConflictError extends ApiError {
  constructor(message = '状态已经变了，请刷新') {
    super(message, 409, 'conflict')
  }
}

/** 5xx, or a 2xx whose body does not match the contract. Worth retrying later. */
export class ServerError extends ApiError {
  constructor(message = '服务暂时不可用，请稍后再试', status = 500) {
    super(message, status, 'internal')
  }
}

/** No answer at all: no network, timeout, DNS. Worth retrying later. */
export class OfflineError extends ApiError {
  constructor(message = '网络不好，请稍后再试') {
    super(message, 0, 'offline')
  }
}

/** Whether keeping the draft and sending the same request again later can succeed. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ServerError || error instanceof OfflineError
}
