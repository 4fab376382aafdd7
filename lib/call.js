'use strict';
// One call from JS into the native core: per-call options, AbortSignal wiring, and the
// turning of native results into parsed JSON or the right error class.

const { CancelToken } = require('./native');
const { fromNative, invalidJson, abortedBeforeStart, invalidArgument } = require('./errors');
const v = require('./validate');

const REQUEST_OPTION_KEYS = new Set(['signal', 'timeout', 'totalTimeout', 'maxRetries', 'headers', 'idempotencyKey']);
const MAX_RETRIES = 10;

function isAbortSignal(value) {
  return value !== null && typeof value === 'object' && typeof value.aborted === 'boolean' &&
    typeof value.addEventListener === 'function' && typeof value.removeEventListener === 'function';
}

function duration(param, value) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    v.fail(param, 'a positive number of milliseconds', value);
  }
  return value;
}

/** Checks a `headers` option and returns it as a fresh `Record<string, string>`. */
function headers(param, value) {
  if (value === undefined) return undefined;
  if (!v.isPlainObject(value)) v.fail(param, 'an object of header names to string values', value);
  const out = {};
  for (const [name, val] of Object.entries(value)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw invalidArgument(param, `${param} has an invalid header name ${JSON.stringify(name)}`);
    }
    if (typeof val !== 'string') v.fail(`${param}[${JSON.stringify(name)}]`, 'a string', val);
    if (/[\r\n\0]/.test(val)) throw invalidArgument(param, `${param}[${JSON.stringify(name)}] must not contain CR, LF or NUL`);
    out[name] = val;
  }
  return out;
}

/** Request options are strict: `null` is not "unset" for any of them. */
function maxRetries(value) {
  if (value === null) v.fail('options.maxRetries', `an integer from 0 to ${MAX_RETRIES}`, value);
  return v.integer('options.maxRetries', value, 0, MAX_RETRIES);
}

/** Validates the optional last argument of every method. */
function requestOptions(value) {
  const opts = v.options('options', value);
  if (!opts) return { native: undefined, signal: undefined };
  for (const key of Object.keys(opts)) {
    if (!REQUEST_OPTION_KEYS.has(key)) {
      throw invalidArgument('options', `options has an unknown key ${JSON.stringify(key)} (known: ${[...REQUEST_OPTION_KEYS].join(', ')})`);
    }
  }
  const signal = opts.signal;
  if (signal !== undefined && !isAbortSignal(signal)) v.fail('options.signal', 'an AbortSignal', signal);
  const idempotencyKey = opts.idempotencyKey;
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey))) {
    v.fail('options.idempotencyKey', 'a string of 1 to 255 printable ASCII characters', idempotencyKey);
  }
  return {
    signal,
    native: {
      timeout: duration('options.timeout', opts.timeout),
      totalTimeout: duration('options.totalTimeout', opts.totalTimeout),
      maxRetries: maxRetries(opts.maxRetries),
      headers: headers('options.headers', opts.headers),
      idempotencyKey,
    },
  };
}

/**
 * Runs `start(nativeOptions, cancelToken)` and maps a native failure to its error class.
 * With a signal, an abort cancels the request inside Rust.
 */
async function send(options, start) {
  const { native, signal } = requestOptions(options);
  if (!signal) {
    try {
      return await start(native, undefined);
    } catch (err) {
      throw fromNative(err);
    }
  }
  if (signal.aborted) throw abortedBeforeStart(signal);
  const token = new CancelToken();
  const onAbort = () => token.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await start(native, token);
  } catch (err) {
    throw fromNative(err, signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The body of a 2xx as JSON, or a WachtError that says it is not JSON. */
function json(operation, text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidJson(operation, err);
  }
}

module.exports = { send, json, headers, duration, requestOptions, MAX_RETRIES };
