'use strict';
// The official SDK's error classes, plus three for failures without an HTTP status.
// Errors are built here, in JS, from what the native core reports: that keeps
// `instanceof` true in plain Node and inside Jest's per-file realms.

class WachtError extends Error {
  constructor(message, statusCode, details) {
    super(message);
    this.statusCode = statusCode;
    this.details = details;
    this.name = 'WachtError';
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, this.constructor);
    }
  }
}

class ValidationError extends WachtError {
  constructor(message, details) {
    super(message, 400, details);
    this.name = 'ValidationError';
  }
}

class AuthenticationError extends WachtError {
  constructor(message = 'Authentication failed') {
    super(message, 401);
    this.name = 'AuthenticationError';
  }
}

class AuthorizationError extends WachtError {
  constructor(message = 'Authorization failed') {
    super(message, 403);
    this.name = 'AuthorizationError';
  }
}

class NotFoundError extends WachtError {
  constructor(message = 'Resource not found') {
    super(message, 404);
    this.name = 'NotFoundError';
  }
}

class ConflictError extends WachtError {
  constructor(message) {
    super(message, 409);
    this.name = 'ConflictError';
  }
}

class RateLimitError extends WachtError {
  constructor(message = 'Rate limit exceeded') {
    super(message, 429);
    this.name = 'RateLimitError';
  }
}

class ServerError extends WachtError {
  constructor(message = 'Internal server error') {
    super(message, 500);
    this.name = 'ServerError';
  }
}

/** The network failed: connection refused, reset, closed mid-response. */
class ConnectionError extends WachtError {
  constructor(message = 'Connection failed') {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** An attempt's `timeout` or the call's `totalTimeout` ran out. */
class TimeoutError extends WachtError {
  constructor(message = 'Request timed out') {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** The caller's AbortSignal fired. */
class AbortError extends WachtError {
  constructor(message = 'Request aborted') {
    super(message);
    this.name = 'AbortError';
  }
}

/** The official mapping from status to class, kept for code that calls it directly. */
function parseApiError(statusCode, data) {
  const message = (data && data.message) || 'An error occurred';
  const details = data ? data.details : undefined;
  switch (statusCode) {
    case 400: return new ValidationError(message, details);
    case 401: return new AuthenticationError(message);
    case 403: return new AuthorizationError(message);
    case 404: return new NotFoundError(message);
    case 409: return new ConflictError(message);
    case 429: return new RateLimitError(message);
    case 500: case 502: case 503: return new ServerError(message);
    default: return new WachtError(message, statusCode, details);
  }
}

function classForStatus(status) {
  switch (status) {
    case 400: return ValidationError;
    case 401: return AuthenticationError;
    case 403: return AuthorizationError;
    case 404: return NotFoundError;
    case 409: return ConflictError;
    case 429: return RateLimitError;
    default: return status >= 500 && status <= 599 ? ServerError : WachtError;
  }
}

// Extra context that would only clutter `console.log(err)` stays non-enumerable.
function hide(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: false, writable: true, configurable: true });
}

function finish(error, fields) {
  error.code = fields.code;
  if (fields.attempts !== undefined) error.attempts = fields.attempts;
  if (fields.requestId) error.requestId = fields.requestId;
  if (fields.retryAfterMs != null) error.retryAfter = fields.retryAfterMs / 1000;
  if (fields.param) error.param = fields.param;
  if (fields.cause !== undefined) hide(error, 'cause', fields.cause);
  if (fields.rawBody !== undefined) hide(error, 'rawBody', fields.rawBody);
  if (fields.operation) hide(error, 'operation', fields.operation);
  if (fields.method) hide(error, 'method', fields.method);
  if (fields.path) hide(error, 'path', fields.path);
  return error;
}

function parseBody(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const CODES = {
  timeout: 'timeout',
  aborted: 'aborted',
  connection: 'connection_error',
  invalid_response: 'invalid_response',
  invalid_argument: 'invalid_argument',
  missing_api_key: 'missing_api_key',
};

/** Turns what the native core reported (JSON in the message) into the right class. */
function fromNative(err, signal) {
  let info;
  try {
    info = JSON.parse(err.message);
  } catch {
    return finish(new WachtError(`Internal error in the native client: ${err.message}`), { code: 'internal', cause: err });
  }
  const fields = {
    code: CODES[info.kind] || 'api_error',
    attempts: info.attempts,
    requestId: info.requestId,
    retryAfterMs: info.retryAfterMs,
    param: info.param,
    operation: info.operation,
    method: info.method,
    path: info.path,
    cause: info.cause ? new Error(info.cause) : undefined,
  };
  switch (info.kind) {
    case 'api': {
      const Class = classForStatus(info.status);
      const error = Class === WachtError ? new WachtError(info.message) : new Class(info.message);
      error.statusCode = info.status;
      error.details = parseBody(info.body);
      return finish(error, { ...fields, rawBody: info.body });
    }
    case 'timeout':
      return finish(new TimeoutError(info.message), fields);
    case 'aborted':
      return finish(new AbortError(info.message), { ...fields, cause: signal ? signal.reason : undefined });
    case 'connection':
      return finish(new ConnectionError(info.message), fields);
    case 'invalid_argument':
      return invalidArgument(info.param, info.message);
    case 'missing_api_key': {
      const error = new AuthenticationError(info.message);
      error.statusCode = undefined;
      return finish(error, fields);
    }
    default: {
      const error = new WachtError(info.message, info.status);
      return finish(error, { ...fields, rawBody: info.body });
    }
  }
}

/** A caller mistake found before anything was sent: no HTTP status. */
function invalidArgument(param, message) {
  const error = new ValidationError(message);
  error.statusCode = undefined;
  return finish(error, { code: 'invalid_argument', param });
}

/** A 2xx whose body is not JSON: never a bare SyntaxError. */
function invalidJson(operation, syntaxError) {
  const error = new WachtError(`The response to ${operation} is not valid JSON: ${syntaxError.message}`, 200);
  return finish(error, { code: 'invalid_response', cause: syntaxError, operation });
}

function abortedBeforeStart(signal) {
  return finish(new AbortError('Request aborted before it was sent'), { code: 'aborted', attempts: 0, cause: signal.reason });
}

module.exports = {
  WachtError,
  ValidationError,
  AuthenticationError,
  AuthorizationError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  parseApiError,
  fromNative,
  invalidArgument,
  invalidJson,
  abortedBeforeStart,
};
