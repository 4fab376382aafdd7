'use strict';
// When the user configures `fetch`, the native core sends through it: this adapter moves a
// prepared request into fetch and the response (or a classified failure) back. Timeouts,
// retries and error mapping stay in the core.

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function classify(err, timedOut) {
  if (timedOut) return { errorKind: 'timeout', errorMessage: 'attempt timed out' };
  const cause = err && err.cause;
  const code = (cause && cause.code) || (err && err.code);
  const message = (cause && cause.message) || (err && err.message) || String(err);
  if (CONNECT_CODES.has(code)) return { errorKind: 'connect', errorMessage: message };
  return { errorKind: 'io', errorMessage: message };
}

/**
 * Reads at most `max` bytes of body; `null` when it is larger. Bytes, not text: the core
 * checks the UTF-8, so a broken body is an error instead of silent U+FFFD.
 */
async function readBytes(response, max) {
  const body = response.body;
  // A declared length over the limit is refused without reading a byte of it.
  if (Number(response.headers.get('content-length')) > max) {
    if (body && typeof body.cancel === 'function') await body.cancel().catch(() => {});
    return null;
  }
  if (!body || typeof body.getReader !== 'function') {
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length > max ? null : bytes;
  }
  const reader = body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Same-origin redirects are followed up to this many times, as by the native transport. */
const MAX_REDIRECTS = 5;
const BODY_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding']);

/**
 * Sends with `redirect: 'manual'` and follows only same-origin redirects, like the native
 * transport (and with its method rules: 301/302/303 become a GET without body). A redirect
 * to another origin, or one past the limit, comes back to the core, which reports it: the
 * Authorization header never leaves the configured origin.
 */
async function fetchFollowingSameOrigin(userFetch, req, signal) {
  const origin = new URL(req.url).origin;
  let url = req.url;
  let method = req.method;
  let headers = req.headers;
  let body = req.body == null ? undefined : req.body;
  for (let hops = 0; ; hops += 1) {
    const response = await userFetch(url, { method, headers, body, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || response.status === 304 || !location || hops >= MAX_REDIRECTS) {
      return response;
    }
    let next;
    try {
      next = new URL(location, url);
    } catch {
      return response;
    }
    if (next.origin !== origin) return response;
    if (response.body && typeof response.body.cancel === 'function') await response.body.cancel().catch(() => {});
    if ([301, 302, 303].includes(response.status) && method !== 'GET' && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !BODY_HEADERS.has(k.toLowerCase())));
    }
    url = next.href;
  }
}

function makeFetchTransport(userFetch) {
  return async function fetchTransport(req) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
    try {
      const response = await fetchFollowingSameOrigin(userFetch, req, controller.signal);
      const headers = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const body = await readBytes(response, req.maxResponseBytes);
      if (body === null) {
        return { errorKind: 'too_large', errorMessage: `response body exceeds the ${req.maxResponseBytes}-byte limit` };
      }
      return { status: response.status, headers, body };
    } catch (err) {
      return classify(err, timedOut);
    } finally {
      clearTimeout(timer);
    }
  };
}

module.exports = { makeFetchTransport };
