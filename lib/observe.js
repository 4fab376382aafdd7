'use strict';
// Hooks and a logger, fed by events from the native core. Events carry method, path,
// status, attempt, timing and request id, never headers or bodies, so the API key and
// invitation tokens cannot reach a hook or a log line. A throwing hook is ignored.

const v = require('./validate');

const HOOKS = { request: 'onRequest', response: 'onResponse', retry: 'onRetry', error: 'onError' };

function toEvent(native) {
  const event = { type: native.type, operation: native.operation, method: native.method, path: native.path, attempt: native.attempt };
  if (native.status != null) event.status = native.status;
  if (native.elapsedMs != null) event.elapsedMs = Math.round(native.elapsedMs * 1000) / 1000;
  if (native.delayMs != null) event.delayMs = Math.round(native.delayMs);
  if (native.requestId != null) event.requestId = native.requestId;
  if (native.message != null) event.message = native.message;
  return event;
}

function logLine(e) {
  const base = `[wacht] ${e.method} ${e.path}`;
  switch (e.type) {
    case 'request': return ['debug', `${base} attempt ${e.attempt}`];
    case 'response': return ['debug', `${base} -> ${e.status} in ${e.elapsedMs} ms${e.requestId ? ` (request id ${e.requestId})` : ''}`];
    case 'retry': return ['warn', `${base} retrying in ${e.delayMs} ms after attempt ${e.attempt}: ${e.message}`];
    default: return ['warn', `${base} attempt ${e.attempt} failed: ${e.message}`];
  }
}

function call(fn, self, arg) {
  try {
    fn.call(self, arg);
  } catch {
    // A broken hook or logger must never break the request or the process.
  }
}

/** A single native event callback from `config.hooks` and `config.logger`, or undefined. */
function makeObserver(hooks, logger) {
  if (hooks !== undefined && hooks !== null) {
    if (!v.isPlainObject(hooks)) v.fail('config.hooks', 'an object of hook functions', hooks);
    for (const name of Object.values(HOOKS)) {
      if (hooks[name] !== undefined && typeof hooks[name] !== 'function') v.fail(`config.hooks.${name}`, 'a function', hooks[name]);
    }
  }
  if (logger !== undefined && logger !== null && (typeof logger !== 'object' || typeof logger.warn !== 'function')) {
    v.fail('config.logger', 'a console-like object (debug, warn)', logger);
  }
  if (!hooks && !logger) return undefined;
  return (native) => {
    const event = toEvent(native);
    const hook = hooks && hooks[HOOKS[event.type]];
    if (hook) call(hook, hooks, event);
    if (logger) {
      const [level, line] = logLine(event);
      // A logger without `debug` gets only retries and errors.
      if (typeof logger[level] === 'function') call(logger[level], logger, line);
    }
  };
}

module.exports = { makeObserver };
