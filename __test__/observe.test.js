'use strict';
// Hooks and logger: what each event carries (method, path, status, attempt, elapsed time,
// request id), in order, across a retry; broken hooks never break a call.

const sdk = require('../index.js');
const { startRecordingServer, json } = require('./helpers/recording-server');

let server;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const settle = () => new Promise((r) => setTimeout(r, 50));

test('events for a call that fails once and then succeeds', async () => {
  let n = 0;
  server.respondWith((req, res) => {
    n += 1;
    if (n === 1) json(res, 503, { errors: [{ message: 'busy', code: 503 }] }, { 'x-request-id': 'req_1' });
    else json(res, 200, { id: '7' }, { 'x-request-id': 'req_2' });
  });
  const events = [];
  const lines = [];
  const push = (e) => events.push(e);
  const client = new sdk.WachtClient({
    apiKey: 'k',
    baseUrl: server.url,
    hooks: { onRequest: push, onResponse: push, onRetry: push, onError: push },
    logger: { debug: (l) => lines.push(['debug', l]), warn: (l) => lines.push(['warn', l]) },
  });
  await client.organizations.getOrganization('7');
  await settle();
  expect(events.map((e) => [e.type, e.attempt, e.status])).toEqual([
    ['request', 1, undefined],
    ['response', 1, 503],
    ['error', 1, 503],
    ['retry', 1, undefined],
    ['request', 2, undefined],
    ['response', 2, 200],
  ]);
  for (const e of events) expect(e).toMatchObject({ operation: 'getOrganization', method: 'GET', path: '/organizations/7' });
  expect(events[1].requestId).toBe('req_1');
  expect(events[5].requestId).toBe('req_2');
  expect(events[5].elapsedMs).toBeGreaterThan(0);
  expect(events[3].delayMs).toBeGreaterThanOrEqual(0);
  expect(events[3].message).toBe('busy');
  expect(lines.map(([level]) => level)).toEqual(['debug', 'debug', 'warn', 'warn', 'debug', 'debug']);
  expect(lines[5][1]).toMatch(/^\[wacht\] GET \/organizations\/7 -> 200 in [\d.]+ ms \(request id req_2\)$/);
});

test('a throwing hook or logger does not break the call or the process', async () => {
  server.respondWith((req, res) => json(res, 200, { id: '1' }));
  const boom = () => {
    throw new Error('hook failure');
  };
  const client = new sdk.WachtClient({
    apiKey: 'k',
    baseUrl: server.url,
    hooks: { onRequest: boom, onResponse: boom },
    logger: { debug: boom, warn: boom },
  });
  await expect(client.organizations.getOrganization('1')).resolves.toEqual({ id: '1' });
  await settle();
});

test('a logger without debug only hears about retries and errors', async () => {
  server.respondWith((req, res) => json(res, 404, { errors: [{ message: 'Organization not found', code: 404 }] }));
  const lines = [];
  const client = new sdk.WachtClient({ apiKey: 'k', baseUrl: server.url, logger: { warn: (l) => lines.push(l) } });
  await client.organizations.getOrganization('1').catch(() => {});
  await settle();
  expect(lines).toEqual(['[wacht] GET /organizations/1 attempt 1 failed: Organization not found']);
});

test('bad hooks and loggers are refused at construction', () => {
  expect(() => new sdk.WachtClient({ apiKey: 'k', hooks: { onRequest: 'x' } })).toThrow(/config.hooks.onRequest must be a function/);
  expect(() => new sdk.WachtClient({ apiKey: 'k', logger: {} })).toThrow(/config.logger/);
});
