'use strict';
// The API key never shows: not in util.inspect / JSON.stringify of the client, not in its
// own properties, not in any error (message, stack, inspect with hidden fields), not in a
// log line or hook event. Invitation tokens never reach logs or hooks. Events carry no
// headers at all.

const util = require('util');
const sdk = require('../index.js');
const { startEmulator } = require('../testing.js');
const { startRecordingServer, json } = require('./helpers/recording-server');
const { startMisbehavingServer } = require('./helpers/misbehaving-server');

const { WachtClient } = sdk;
const KEY = 'sk_live_SUPERSECRET_1234';
const FRAGMENTS = [KEY, 'SUPERSECRET', Buffer.from(KEY).toString('base64'), KEY.split('').reverse().join('')];
const EVENT_KEYS = new Set(['type', 'operation', 'method', 'path', 'attempt', 'status', 'elapsedMs', 'delayMs', 'requestId', 'message']);

function expectNoSecret(text, secrets = FRAGMENTS) {
  expect(typeof text).toBe('string');
  for (const s of secrets) expect(text).not.toContain(s);
}

/** Every way to look at a value, as text. */
function views(value) {
  const out = [
    util.inspect(value, { showHidden: true, depth: Infinity }),
    util.inspect(value, { showHidden: true, depth: Infinity, customInspect: false, getters: true }),
    util.format('%o %O %j', value, value, value),
    String(safe(() => JSON.stringify(value))),
  ];
  for (const key of Reflect.ownKeys(Object(value))) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    const v = d && ('value' in d ? d.value : safe(() => d.get && d.get.call(value)));
    out.push(String(key), util.inspect(v, { showHidden: true, depth: Infinity }));
    if (typeof v === 'function') out.push(v.toString());
  }
  return out;
}
function safe(fn) {
  try {
    return fn();
  } catch (err) {
    return `threw ${err && err.message}`;
  }
}

/** A collecting logger and hooks. */
function observers() {
  const lines = [];
  const events = [];
  const logger = { debug: (l) => lines.push(['debug', l]), warn: (l) => lines.push(['warn', l]), info: (l) => lines.push(['info', l]), error: (l) => lines.push(['error', l]) };
  const hooks = Object.fromEntries(['onRequest', 'onResponse', 'onRetry', 'onError'].map((h) => [h, (e) => events.push({ hook: h, ...e, _raw: e })]));
  return { lines, events, logger, hooks };
}

function expectCleanEvents(events, secrets = FRAGMENTS) {
  for (const e of events) {
    for (const key of Reflect.ownKeys(e._raw)) expect(EVENT_KEYS.has(key)).toBe(true);
    expect(e._raw).not.toHaveProperty('headers');
    expect(e._raw).not.toHaveProperty('body');
    expectNoSecret(util.inspect(e._raw, { showHidden: true, depth: Infinity }), secrets);
    expectNoSecret(JSON.stringify(e._raw), secrets);
  }
  expectNoSecret(JSON.stringify(events.map((e) => e._raw)), [...secrets, 'authorization', 'Authorization', 'Bearer']);
}

let server;
let silent;
let closedPort;
beforeAll(async () => {
  server = await startRecordingServer();
  silent = await startMisbehavingServer({ onRequest() {} });
  const tmp = await startRecordingServer();
  closedPort = tmp.url;
  await tmp.close();
});
afterAll(async () => {
  await server.close();
  await silent.close();
});

const TRANSPORTS = [
  ['native transport', {}],
  ['fetch transport', { fetch: globalThis.fetch }],
];

describe.each(TRANSPORTS)('the client object (%s)', (_label, transport) => {
  test('util.inspect, JSON.stringify, own properties and methods never show the key', () => {
    const { logger, hooks } = observers();
    const client = new WachtClient({ apiKey: KEY, baseUrl: server.url, name: 'main', headers: { 'x-app': 'a' }, logger, hooks, ...transport });
    for (const text of [...views(client), ...views(client.organizations), ...Object.values(client.organizations).flatMap(views)]) {
      expectNoSecret(text);
    }
    expectNoSecret(util.inspect({ nested: { client } }, { showHidden: true, depth: Infinity }));
    expectNoSecret(`${client}`);
    expect(JSON.parse(JSON.stringify(client))).toEqual({ name: 'main', baseUrl: server.url });
    // nothing reachable from the prototype either
    for (const key of Reflect.ownKeys(Object.getPrototypeOf(client))) expectNoSecret(String(key));
  });

  test('the key is really used (control): it goes out as the bearer token', async () => {
    server.respondWith((req, res) => json(res, 200, { id: '1' }));
    await new WachtClient({ apiKey: KEY, baseUrl: server.url, ...transport }).organizations.getOrganization('1');
    expect(server.last().headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

test('the global client made from WACHT_API_KEY does not show the key either', () => {
  const saved = process.env.WACHT_API_KEY;
  process.env.WACHT_API_KEY = KEY;
  try {
    const { getClient } = require('../lib/globals');
    for (const text of views(getClient())) expectNoSecret(text);
  } finally {
    if (saved === undefined) delete process.env.WACHT_API_KEY;
    else process.env.WACHT_API_KEY = saved;
  }
});

// ---- errors, logs and hooks -------------------------------------------------------------

const SCENARIOS = [
  ['401', (c) => { server.respondWith((req, res) => json(res, 401, { errors: [{ message: 'Invalid API key', code: 401 }] })); return c({ url: server.url }).organizations.getOrganization('1'); }],
  ['404', (c) => { server.respondWith((req, res) => json(res, 404, { errors: [{ message: 'Organization not found', code: 404 }] })); return c({ url: server.url }).organizations.getOrganization('nope'); }],
  ['500 after retries', (c) => { server.respondWith((req, res) => json(res, 500, { errors: [{ message: 'boom', code: 500 }] }, { 'retry-after': '0' })); return c({ url: server.url, maxRetries: 2 }).organizations.listOrganizations(); }],
  ['429 on a create', (c) => { server.respondWith((req, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '0' })); return c({ url: server.url, maxRetries: 1 }).organizations.createOrganization({ name: 'x' }); }],
  ['a redirect to another origin', (c) => { server.respondWith((req, res) => { res.writeHead(302, { location: `http://evil.test/steal?key=${KEY}` }); res.end(); }); return c({ url: server.url }).organizations.getOrganization('1'); }],
  ['network failure', (c) => c({ url: closedPort, maxRetries: 1 }).organizations.getOrganization('1')],
  ['timeout', (c) => c({ url: silent.url, timeout: 200 }).organizations.getOrganization('1')],
  ['abort', (c) => c({ url: silent.url }).organizations.getOrganization('1', { signal: AbortSignal.timeout(100) })],
  ['validation', (c) => c({ url: server.url }).organizations.getOrganization(KEY + '\u0000')],
  ['validation of a header', (c) => c({ url: server.url }).organizations.getOrganization('1', { headers: { 'x-k': `${KEY}\r\n` } })],
  ['invalid JSON on a 200', (c) => { server.respondWith((req, res) => json(res, 200, `{"echo":"${KEY.slice(0, 3)}`)); return c({ url: server.url }).organizations.getOrganization('1'); }],
];

describe.each(TRANSPORTS)('errors, logs and hooks (%s)', (_label, transport) => {
  test.each(SCENARIOS)('%s: no key in the error, the log lines or the events', async (_name, run) => {
    const { lines, events, logger, hooks } = observers();
    const make = ({ url, ...rest }) => new WachtClient({ apiKey: KEY, baseUrl: url, maxRetries: 0, timeout: 3000, logger, hooks, ...transport, ...rest });
    const err = await run(make).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(sdk.WachtError);
    expectNoSecret(err.message);
    expectNoSecret(String(err.stack));
    expectNoSecret(String(err));
    for (const text of views(err)) expectNoSecret(text);
    if (err.cause) for (const text of views(err.cause)) expectNoSecret(text);
    for (const [, line] of lines) expectNoSecret(line, [...FRAGMENTS, 'Bearer']);
    expectCleanEvents(events);
    if (!_name.startsWith('validation')) {
      // control: the observers did see the call
      expect(events.length).toBeGreaterThan(0);
      expect(lines.length).toBeGreaterThan(0);
    }
    if (_name === '500 after retries') {
      expect(err.attempts).toBe(3);
      expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
      expect(lines.filter(([level]) => level === 'warn').length).toBeGreaterThanOrEqual(2);
    }
  });
});

test('a client without an API key fails without inventing one in the message', async () => {
  const saved = process.env.WACHT_API_KEY;
  delete process.env.WACHT_API_KEY;
  try {
    const err = await new WachtClient({ baseUrl: server.url }).organizations.getOrganization('1').catch((e) => e);
    expect(err).toBeInstanceOf(sdk.WachtError);
    expectNoSecret(util.inspect(err, { showHidden: true, depth: Infinity }));
  } finally {
    if (saved !== undefined) process.env.WACHT_API_KEY = saved;
  }
});

test('a throwing logger or hook cannot leak the key through its own error', async () => {
  server.respondWith((req, res) => json(res, 200, { id: '1' }));
  const seen = [];
  const client = new WachtClient({
    apiKey: KEY,
    baseUrl: server.url,
    hooks: { onRequest(e) { seen.push(e); throw new Error('hook failed'); } },
    logger: { warn() { throw new Error('logger failed'); }, debug() { throw new Error('logger failed'); } },
  });
  await expect(client.organizations.getOrganization('1')).resolves.toEqual({ id: '1' });
  expect(seen).toHaveLength(1);
});

// ---- invitation tokens, against the emulator ----------------------------------------------

describe.each(TRANSPORTS)('invitation tokens (%s)', (_label, transport) => {
  let emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: KEY });
  });
  afterAll(() => emulator.close());

  test('tokens returned by createOrganizationInvitation never reach logs or hooks', async () => {
    const { lines, events, logger, hooks } = observers();
    const client = new WachtClient({ apiKey: KEY, baseUrl: emulator.url, logger, hooks, maxRetries: 0, ...transport });
    const org = await client.organizations.createOrganization({ name: 'Secretive' });
    const tokens = [];
    for (const email of ['a@example.com', 'b@example.com']) {
      const inv = await client.organizations.createOrganizationInvitation(org.id, { email });
      expect(inv.token).toMatch(/^org\.[0-9a-f]{64}$/);
      tokens.push(inv.token);
    }
    const list = await client.organizations.listOrganizationInvitations(org.id);
    expect(list.data.map((i) => i.token).sort()).toEqual([...tokens].sort());
    // a conflict and a discard, so error and 404 paths are logged too
    await client.organizations.createOrganizationInvitation(org.id, { email: 'a@example.com' }).catch((e) => e);
    const invId = list.data[0].id;
    await client.organizations.discardOrganizationInvitation(org.id, invId);
    const notFound = await client.organizations.discardOrganizationInvitation(org.id, invId).catch((e) => e);
    expect(notFound).toBeInstanceOf(sdk.NotFoundError);
    expect(lines.length).toBeGreaterThan(6);
    expect(events.length).toBeGreaterThan(6);
    const secrets = [...FRAGMENTS, ...tokens, ...tokens.map((t) => t.slice(4))];
    for (const [, line] of lines) expectNoSecret(line, secrets);
    expectCleanEvents(events, secrets);
    expect(events.some((e) => e.type === 'error' || e.status === 409)).toBe(true);
    expectNoSecret(util.inspect(notFound, { showHidden: true, depth: Infinity }), secrets);
  });
});
