'use strict';
// Retries, deadlines and cancellation, driven by the emulator's fault injection and by a
// recording server. Timings are only lower bounds or generous upper bounds: what is
// asserted is behaviour (attempt counts, classes, messages), not speed.

const sdk = require('../index.js');
const { startEmulator } = require('../testing.js');
const { startRecordingServer, json } = require('./helpers/recording-server');

const { WachtClient } = sdk;
let emulator;
let events;
let client;

function makeClient(extra = {}) {
  return new WachtClient({
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    hooks: { onRequest: (e) => events.push(e), onRetry: (e) => events.push(e) },
    ...extra,
  });
}

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(async () => {
  await emulator.reset();
  events = [];
  client = makeClient();
});
afterAll(() => emulator.close());

const attempts = () => events.filter((e) => e.type === 'request').length;
const settle = () => new Promise((r) => setTimeout(r, 50)); // hooks arrive asynchronously

describe('retries', () => {
  test('a GET that meets 503 twice succeeds on the third attempt', async () => {
    const org = await client.organizations.createOrganization({ name: 'R' });
    events.length = 0;
    await emulator.injectFault({ method: 'GET', path: '/organizations/*', status: 503, times: 2 });
    await expect(client.organizations.getOrganization(org.id)).resolves.toMatchObject({ id: org.id });
    await settle();
    expect(attempts()).toBe(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.attempt)).toEqual([1, 2]);
  });

  test.each([408, 429, 500, 502, 503, 504])('status %i is retried for idempotent calls', async (status) => {
    await emulator.injectFault({ path: '/organizations', status, times: 1 });
    await expect(client.organizations.listOrganizations()).resolves.toMatchObject({ data: [] });
  });

  test('the final error says how many attempts were made', async () => {
    await emulator.injectFault({ path: '/organizations', status: 503, times: 10 });
    const err = await client.organizations.listOrganizations().catch((e) => e);
    expect(err).toBeInstanceOf(sdk.ServerError);
    expect(err.statusCode).toBe(503);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/\(after 3 attempts\)$/);
  });

  test('maxRetries per client and per call', async () => {
    await emulator.injectFault({ path: '/organizations', status: 500, times: 10 });
    const none = makeClient({ maxRetries: 0 });
    expect((await none.organizations.listOrganizations().catch((e) => e)).attempts).toBe(1);
    expect((await client.organizations.listOrganizations({}, { maxRetries: 1 }).catch((e) => e)).attempts).toBe(2);
  });

  test('a create is not retried after a 503: it may have reached the server', async () => {
    await emulator.injectFault({ method: 'POST', path: '/organizations', status: 503, times: 1 });
    const err = await client.organizations.createOrganization({ name: 'Once' }).catch((e) => e);
    expect(err).toBeInstanceOf(sdk.ServerError);
    expect(err.attempts).toBe(1);
  });

  test('a create is retried after a 429 (refused before processing)', async () => {
    await emulator.injectFault({ method: 'POST', path: '/organizations', status: 429, times: 1 });
    await expect(client.organizations.createOrganization({ name: 'After 429' })).resolves.toMatchObject({ name: 'After 429' });
    expect((await client.organizations.listOrganizations()).data).toHaveLength(1);
  });

  test('a create with an idempotency key is retried after a 503 and a dropped connection', async () => {
    await emulator.injectFault({ method: 'POST', path: '/organizations', status: 503, times: 1 });
    await emulator.injectFault({ method: 'POST', path: '/organizations', drop: true, times: 1 });
    const org = await client.organizations.createOrganization({ name: 'Keyed' }, { idempotencyKey: 'create-keyed-1' });
    expect(org.name).toBe('Keyed');
  });

  test('a create whose connection drops is not retried without a key', async () => {
    await emulator.injectFault({ method: 'POST', path: '/organizations', drop: true, times: 1 });
    const err = await client.organizations.createOrganization({ name: 'Dropped' }).catch((e) => e);
    expect(err).toBeInstanceOf(sdk.ConnectionError);
    expect(err.attempts).toBe(1);
  });

  test('a GET whose connection drops is retried', async () => {
    await emulator.injectFault({ method: 'GET', path: '/organizations', drop: true, times: 2 });
    await expect(client.organizations.listOrganizations()).resolves.toMatchObject({ data: [] });
  });

  test('Retry-After is honoured', async () => {
    await emulator.injectFault({ path: '/organizations', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    await client.organizations.listOrganizations();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await settle();
    expect(events.find((e) => e.type === 'retry').delayMs).toBe(1000);
  });

  test('a Retry-After beyond the cap is not waited for: RateLimitError with retryAfter', async () => {
    await emulator.injectFault({ path: '/organizations', status: 429, retryAfter: 3600, times: 1 });
    const err = await client.organizations.listOrganizations().catch((e) => e);
    expect(err).toBeInstanceOf(sdk.RateLimitError);
    expect(err.retryAfter).toBe(3600);
    expect(err.attempts).toBe(1);
  });

  test('4xx errors are never retried', async () => {
    const err = await client.organizations.getOrganization('404404404').catch((e) => e);
    expect(err).toBeInstanceOf(sdk.NotFoundError);
    await settle();
    expect(attempts()).toBe(1);
  });
});

describe('deadlines and cancellation', () => {
  test('an abort stops the request and rejects with AbortError, not a timeout', async () => {
    await emulator.injectFault({ path: '/organizations', delayMs: 5000, times: 1 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('user gave up')), 100);
    const err = await client.organizations.listOrganizations({}, { signal: controller.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(sdk.AbortError);
    expect(err).not.toBeInstanceOf(sdk.TimeoutError);
    expect(err.code).toBe('aborted');
    expect(err.cause.message).toBe('user gave up');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  test('an already-aborted signal sends nothing', async () => {
    const server = await startRecordingServer();
    try {
      const c = new WachtClient({ apiKey: 'k', baseUrl: server.url });
      const err = await c.organizations.getOrganization('1', { signal: AbortSignal.abort() }).catch((e) => e);
      expect(err).toBeInstanceOf(sdk.AbortError);
      expect(err.attempts).toBe(0);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  test('an abort drops the connection on the server side (no work continues)', async () => {
    const server = await startRecordingServer();
    let closed;
    const wasClosed = new Promise((resolve) => {
      closed = resolve;
    });
    server.respondWith((req, res) => res.on('close', closed)); // never answers
    try {
      const c = new WachtClient({ apiKey: 'k', baseUrl: server.url });
      const controller = new AbortController();
      const pending = c.organizations.getOrganization('1', { signal: controller.signal }).catch((e) => e);
      await new Promise((r) => setTimeout(r, 100));
      controller.abort();
      expect(await pending).toBeInstanceOf(sdk.AbortError);
      await wasClosed;
    } finally {
      await server.close();
    }
  });

  test('a signal and a timeout work together: the timeout still fires', async () => {
    await emulator.injectFault({ path: '/organizations', delayMs: 3000, times: 5 });
    const controller = new AbortController();
    const err = await client.organizations
      .listOrganizations({}, { signal: controller.signal, timeout: 200, maxRetries: 0 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(sdk.TimeoutError);
    expect(err.message).toBe('Request timed out after 200 ms');
  });

  test('each attempt has its own timeout; timeouts of idempotent calls are retried', async () => {
    await emulator.injectFault({ path: '/organizations', delayMs: 2000, times: 1 });
    await expect(client.organizations.listOrganizations({}, { timeout: 300 })).resolves.toMatchObject({ data: [] });
  });

  test('totalTimeout bounds the whole call across retries', async () => {
    await emulator.injectFault({ path: '/organizations', delayMs: 2000, times: 10 });
    const started = Date.now();
    const err = await client.organizations.listOrganizations({}, { timeout: 400, totalTimeout: 700, maxRetries: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(sdk.TimeoutError);
    expect(Date.now() - started).toBeLessThan(1900);
  });
});

describe('fetch transport', () => {
  test('a configured fetch carries every request, and mocks keep working', async () => {
    const calls = [];
    const mockFetch = async (url, init) => {
      calls.push({ url, method: init.method, auth: init.headers.authorization });
      return new Response(JSON.stringify({ data: [{ id: '1' }], has_more: false }), { headers: { 'content-type': 'application/json' } });
    };
    const c = new WachtClient({ apiKey: 'k', baseUrl: 'https://api.example.test', fetch: mockFetch });
    await expect(c.organizations.listOrganizations({ limit: 1 })).resolves.toEqual({ data: [{ id: '1' }], has_more: false });
    expect(calls).toEqual([{ url: 'https://api.example.test/organizations?limit=1', method: 'GET', auth: 'Bearer k' }]);
  });

  test('retries and error classes work through fetch too', async () => {
    let n = 0;
    const flaky = async () => {
      n += 1;
      if (n === 1) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      if (n === 2) return new Response('<html>busy</html>', { status: 503, headers: { 'content-type': 'text/html' } });
      return new Response(JSON.stringify({ errors: [{ message: 'Organization not found', code: 404 }] }), { status: 404 });
    };
    const c = new WachtClient({ apiKey: 'k', baseUrl: 'https://api.example.test', fetch: flaky });
    const err = await c.organizations.getOrganization('1').catch((e) => e);
    expect(err).toBeInstanceOf(sdk.NotFoundError);
    expect(err.message).toBe('Organization not found (after 3 attempts)');
    expect(n).toBe(3);
  });

  test('real HTTP through globalThis.fetch against the emulator', async () => {
    const c = makeClient({ fetch: globalThis.fetch });
    const org = await c.organizations.createOrganization({ name: 'Via fetch', organization_image: new Blob([Buffer.from('89504e47', 'hex')], { type: 'image/png' }) });
    expect(org.image_url).toMatch(/\.png$/);
    expect((await c.organizations.getOrganization(org.id)).name).toBe('Via fetch');
  });
});
