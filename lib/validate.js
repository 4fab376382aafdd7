'use strict';
// Argument checks that run before anything is sent. Each failure is a ValidationError
// (code `invalid_argument`) that names the argument and says what was wrong.

const { invalidArgument } = require('./errors');

const MAX_ID_LENGTH = 256;
const MAX_TEXT_LENGTH = 64 * 1024;
/** The real backend refuses bodies over 2 MiB; better to say so before sending. */
const MAX_JSON_BODY = 2 * 1024 * 1024;
// C0 and C1 control characters: never part of an id.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
    case 'number': return String(value);
    case 'bigint': return 'a BigInt';
    case 'symbol': return 'a symbol';
    case 'function': return 'a function';
    case 'undefined': return 'undefined';
    default: return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
}

function fail(param, what, value) {
  throw invalidArgument(param, `${param} must be ${what}, got ${describe(value)}`);
}

function isWellFormed(value) {
  return typeof value.isWellFormed === 'function' ? value.isWellFormed() : !/\p{Surrogate}/u.test(value);
}

function wellFormed(param, value) {
  if (!isWellFormed(value)) {
    throw invalidArgument(param, `${param} contains invalid UTF-16 (a lone surrogate)`);
  }
}

/** An id that becomes one path segment. */
function id(param, value) {
  if (typeof value !== 'string') fail(param, 'a string id', value);
  if (value.length === 0) throw invalidArgument(param, `${param} must not be empty`);
  if (value === '.' || value === '..') throw invalidArgument(param, `${param} must not be "." or ".."`);
  if (value.length > MAX_ID_LENGTH) {
    throw invalidArgument(param, `${param} is too long (${value.length} characters, at most ${MAX_ID_LENGTH})`);
  }
  if (CONTROL.test(value)) throw invalidArgument(param, `${param} must not contain control characters`);
  wellFormed(param, value);
  return value;
}

/** Free text (names, descriptions, search terms). */
function text(param, value, { required = false, max = MAX_TEXT_LENGTH } = {}) {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') fail(param, 'a string', value);
  if (value.length > max) throw invalidArgument(param, `${param} is too long (${value.length} characters, at most ${max})`);
  if (value.includes('\u0000')) throw invalidArgument(param, `${param} must not contain NUL characters`);
  wellFormed(param, value);
  return value;
}

function integer(param, value, min, max) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(param, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function boolean(param, value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(param, 'a boolean', value);
  return value;
}

function oneOf(param, value, allowed) {
  if (value === undefined || value === null) return undefined;
  if (!allowed.includes(value)) fail(param, allowed.map((a) => JSON.stringify(a)).join(' or '), value);
  return value;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An options bag: `undefined` and `null` mean "none". */
function options(param, value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) fail(param, 'an object', value);
  return value;
}

/** A request object: required, a plain object. */
function request(param, value) {
  if (!isPlainObject(value)) fail(param, 'a plain object', value);
  return value;
}

/**
 * The first part of `value` that cannot become well-formed JSON text: a BigInt, a cycle,
 * or a string or key with a lone surrogate (JSON.stringify escapes those as `\ud800`,
 * which strict parsers on the server refuse). `[path, problem]`, or undefined.
 */
function findUnserializable(value, path, ancestors = new Set()) {
  if (typeof value === 'bigint') return [path, 'is a BigInt'];
  if (typeof value === 'string') return isWellFormed(value) ? undefined : [path, 'contains invalid UTF-16 (a lone surrogate)'];
  if (value === null || typeof value !== 'object') return undefined;
  if (typeof value.toJSON === 'function') return undefined;
  if (ancestors.has(value)) return [path, 'is a circular reference'];
  ancestors.add(value);
  try {
    const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
    for (const key of keys) {
      const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
      if (!Array.isArray(value) && !isWellFormed(key)) return [`${path}[key]`, 'has a key with invalid UTF-16 (a lone surrogate)'];
      const found = findUnserializable(value[key], at, ancestors);
      if (found) return found;
    }
  } finally {
    ancestors.delete(value);
  }
  return undefined;
}

// JSON.stringify writes a lone surrogate as an escape (`\ud800`); a real pair stays raw.
// An escape preceded by an even number of backslashes is such a lone surrogate.
const LONE_SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/** JSON text of a value, or a ValidationError naming the argument (and the bad field). */
function toJson(param, value, max = MAX_JSON_BODY) {
  let json;
  let failure;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    failure = err;
  }
  // The walk that names the bad field runs only when something is wrong, not per call.
  if (failure || (json !== undefined && LONE_SURROGATE_ESCAPE.test(json))) {
    const bad = findUnserializable(value, param);
    if (bad) {
      const [at, problem] = bad;
      // Long keys would make the message huge: only a bounded path is shown.
      const shown = at.length > 200 ? `${at.slice(0, 200)}...` : at;
      throw invalidArgument(param, `${shown} ${problem}, so ${param} cannot be sent as JSON`);
    }
    if (failure) throw invalidArgument(param, `${param} cannot be sent as JSON: ${failure.message}`);
  }
  if (json === undefined) fail(param, 'JSON-serializable', value);
  if (json.length > max) {
    throw invalidArgument(param, `${param} is too large (${json.length} bytes as JSON, at most ${max})`);
  }
  return json;
}

/** Metadata: a plain object, sent as JSON text. */
function metadata(param, value) {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) fail(param, 'a plain object', value);
  return toJson(param, value);
}

function stringArray(param, value, { ids = false, required = false } = {}) {
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) fail(param, 'an array of strings', value);
  value.forEach((item, i) => (ids ? id(`${param}[${i}]`, item) : text(`${param}[${i}]`, item, { required: true })));
  return value;
}

module.exports = {
  id,
  text,
  integer,
  boolean,
  oneOf,
  options,
  request,
  toJson,
  metadata,
  stringArray,
  isPlainObject,
  fail,
  MAX_TEXT_LENGTH,
};
