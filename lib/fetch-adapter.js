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

/** Reads at most `max` bytes of body; `null` when it is larger. */
async function readText(response, max) {
  const body = response.body;
  if (!body || typeof body.getReader !== 'function') {
    const text = await response.text();
    return Buffer.byteLength(text) > max ? null : text;
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
  return Buffer.concat(chunks).toString('utf8');
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
      const response = await userFetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body == null ? undefined : req.body,
        signal: controller.signal,
        // Redirects come back to the core, which refuses to follow them.
        redirect: 'manual',
      });
      const headers = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const body = await readText(response, req.maxResponseBytes);
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
