'use strict';
// Hostile servers on 127.0.0.1: a 50 MB body, truncated JSON, a slow drip, a reset
// mid-body, redirects to another origin, garbage that is not HTTP, silence, invalid UTF-8.
// Every one yields a typed error, memory stays bounded, nothing hangs, and the API key
// never follows a redirect to another origin. The same scenarios run through the JS fetch
// transport (`fetch: globalThis.fetch`) where they apply.

const sdk = require('../index.js');
const { startRecordingServer, json } = require('./helpers/recording-server');
const { startMisbehavingServer, head, stream } = require('./helpers/misbehaving-server');

const { WachtClient, WachtError, ConnectionError, TimeoutError } = sdk;

const API_KEY = 'sk_test_hostile_server';
const LIMIT = 16 * 1024 * 1024; // crates/wacht/src/config.rs DEFAULT_MAX_RESPONSE_BYTES
const MB50 = 50 * 1024 * 1024;

const servers = [];
async function misbehaving(handlers) {
  const s = await startMisbehavingServer(handlers);
  servers.push(s);
  return s;
}
async function recording(respond) {
  const s = await startRecordingServer(respond);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TRANSPORTS = [
  ['native transport', {}],
  ['fetch transport', { fetch: globalThis.fetch }],
];
const makeClient = (url, extra = {}) => new WachtClient({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, timeout: 5000, ...extra });

async function settle(promise) {
  return promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
}
function expectNotSyntaxError(err) {
  expect(err).toBeInstanceOf(WachtError);
  expect(err).not.toBeInstanceOf(SyntaxError);
  expect(err.name).not.toBe('SyntaxError');
}

// ---- oversized bodies -------------------------------------------------------------------

describe.each(TRANSPORTS)('a 50 MB body (%s)', (_label, transport) => {
  test.each([
    ['with a content-length', { chunked: false }],
    ['chunked, no content-length', { chunked: true }],
  ])('%s: invalid_response naming the limit, bounded memory', async (_variant, { chunked }) => {
    const server = await misbehaving({
      onRequest(socket) {
        const headers = { 'content-type': 'application/json' };
        if (chunked) headers['transfer-encoding'] = 'chunked';
        else headers['content-length'] = String(MB50);
        socket.write(head(200, headers));
        stream(socket, MB50, { chunked }).then(() => socket.end());
      },
    });
    const client = makeClient(server.url, { ...transport, timeout: 20000 });
    global.gc && global.gc();
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 5; i += 1) {
      const r = await settle(client.organizations.getOrganization('org_1'));
      expect(r.ok).toBe(false);
      expectNotSyntaxError(r.error);
      expect(r.error).not.toBeInstanceOf(ConnectionError);
      expect(r.error.code).toBe('invalid_response');
      expect(r.error.message).toMatch(new RegExp(`${LIMIT}|16 MiB|limit`));
      expect(r.error.message).toMatch(/limit/);
    }
    const grown = process.memoryUsage().rss - rssBefore;
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    expect(server.requests).toHaveLength(5);
  }, 60000);

  test('a body just under the limit is read in full (control)', async () => {
    const server = await recording((req, res) => json(res, 200, { id: '1', pad: 'p'.repeat(LIMIT - 1024) }));
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    if (!r.ok) throw r.error;
    expect(r.value.pad.length).toBe(LIMIT - 1024);
  }, 30000);
});

// ---- truncated JSON ---------------------------------------------------------------------

describe.each(TRANSPORTS)('truncated JSON (%s)', (_label, transport) => {
  test('content-length larger than what is sent, then close: ConnectionError or WachtError, never SyntaxError', async () => {
    const server = await misbehaving({
      onRequest(socket) {
        socket.end(head(200, { 'content-type': 'application/json', 'content-length': '1000' }) + '{"id":"org_1","name":"Ac');
      },
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.ok).toBe(false);
    expectNotSyntaxError(r.error);
    expect(['connection_error', 'invalid_response']).toContain(r.error.code);
  });

  test('a complete response whose JSON is cut short: invalid_response, not SyntaxError', async () => {
    const server = await recording((req, res) => json(res, 200, '{"id":"org_1","name":"Ac'));
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.ok).toBe(false);
    expectNotSyntaxError(r.error);
    expect(r.error.code).toBe('invalid_response');
    expect(r.error.statusCode).toBe(200);
  });
});

// ---- slow drip and silence --------------------------------------------------------------

describe.each(TRANSPORTS)('slow servers (%s)', (_label, transport) => {
  test('a slow drip (1 byte every 200 ms) with timeout 500: TimeoutError', async () => {
    const timers = [];
    const server = await misbehaving({
      onRequest(socket) {
        socket.write(head(200, { 'content-type': 'application/json', 'content-length': '100000' }));
        const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write(' ')), 200);
        timers.push(t);
      },
    });
    const started = Date.now();
    const r = await settle(makeClient(server.url, { ...transport, timeout: 500 }).organizations.getOrganization('org_1'));
    const elapsed = Date.now() - started;
    timers.forEach(clearInterval);
    expect(r.ok).toBe(false);
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect(r.error.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(3000);
  });

  test('a slow drip of the status line and headers: TimeoutError', async () => {
    const timers = [];
    const server = await misbehaving({
      onRequest(socket) {
        const text = head(200, { 'content-type': 'application/json', 'content-length': '2' }) + '{}';
        let i = 0;
        const t = setInterval(() => (socket.destroyed || i >= text.length ? clearInterval(t) : socket.write(text[i++])), 200);
        timers.push(t);
      },
    });
    const r = await settle(makeClient(server.url, { ...transport, timeout: 500 }).organizations.getOrganization('org_1'));
    timers.forEach(clearInterval);
    expect(r.error).toBeInstanceOf(TimeoutError);
  });

  test('a server that accepts and never answers, timeout 300: TimeoutError', async () => {
    const server = await misbehaving({ onRequest() {} });
    const started = Date.now();
    const r = await settle(makeClient(server.url, { ...transport, timeout: 300 }).organizations.listOrganizations());
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a server that never even reads the request, timeout 300: TimeoutError', async () => {
    const server = await misbehaving({ onConnection() {} });
    const r = await settle(makeClient(server.url, { ...transport, timeout: 300 }).organizations.getOrganization('org_1'));
    expect(r.error).toBeInstanceOf(TimeoutError);
  });

  test('totalTimeout bounds the retries of a silent server', async () => {
    const server = await misbehaving({ onRequest() {} });
    const started = Date.now();
    const r = await settle(
      makeClient(server.url, transport).organizations.getOrganization('org_1', { timeout: 300, totalTimeout: 800, maxRetries: 10 }),
    );
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

// ---- resets mid-body and retries ---------------------------------------------------------

function resetMidBody() {
  return misbehaving({
    onRequest(socket) {
      socket.write(head(200, { 'content-type': 'application/json', 'content-length': '200' }) + '{"id":"org_1","na');
      setTimeout(() => (socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy()), 20);
    },
  });
}

describe.each(TRANSPORTS)('a reset mid-body (%s)', (_label, transport) => {
  test('a GET is retried, then ConnectionError with the attempt count', async () => {
    const server = await resetMidBody();
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1', { maxRetries: 2 }));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(r.error.code).toBe('connection_error');
    expect(r.error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(server.connections).toBe(3);
  }, 20000);

  test('a createOrganization is NOT retried (1 connection)', async () => {
    const server = await resetMidBody();
    const r = await settle(makeClient(server.url, transport).organizations.createOrganization({ name: 'Acme' }, { maxRetries: 2 }));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(r.error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(server.connections).toBe(1);
  }, 20000);

  test('a createOrganization with an idempotencyKey is retried, with the same key each time', async () => {
    const server = await resetMidBody();
    const r = await settle(
      makeClient(server.url, transport).organizations.createOrganization({ name: 'Acme' }, { maxRetries: 2, idempotencyKey: 'idem-1' }),
    );
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(r.error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((q) => q.headers['idempotency-key']))).toEqual(new Set(['idem-1']));
  }, 20000);

  test('a reset before any response byte on a POST that creates is not retried either', async () => {
    const server = await misbehaving({ onRequest: (socket) => socket.resetAndDestroy() });
    const r = await settle(makeClient(server.url, transport).organizations.createOrganizationRole('org_1', { name: 'r', permissions: [] }, { maxRetries: 2 }));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  }, 20000);
});

// ---- redirects --------------------------------------------------------------------------

describe.each(TRANSPORTS)('redirects (%s)', (_label, transport) => {
  test.each([301, 302, 303, 307, 308])('a %i to ANOTHER origin is not followed; the other server gets nothing', async (status) => {
    const other = await recording((req, res) => json(res, 200, { id: 'stolen' }));
    const origin = await recording((req, res) => {
      res.writeHead(status, { location: `${other.url}/organizations/org_1?from=redirect` });
      res.end();
    });
    const client = makeClient(origin.url, transport);
    for (const call of [() => client.organizations.getOrganization('org_1'), () => client.organizations.createOrganization({ name: 'x' })]) {
      const r = await settle(call());
      expect(r.ok).toBe(false);
      expect(r.error).toBeInstanceOf(WachtError);
      expect(r.error.message).toMatch(/not followed/);
      expect(r.error.message).toContain(other.url); // the origin only
      expect(r.error.message).not.toContain('from=redirect'); // never the path or query
      expect(r.error.statusCode).toBe(status);
    }
    expect(origin.requests).toHaveLength(2);
    expect(origin.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(other.requests).toHaveLength(0);
  });

  test('a redirect to the same host on another port is another origin', async () => {
    const other = await recording();
    const origin = await recording((req, res) => {
      res.writeHead(302, { location: other.url.replace('127.0.0.1', 'localhost') });
      res.end();
    });
    const r = await settle(makeClient(origin.url, transport).organizations.listOrganizations());
    expect(r.error.message).toMatch(/not followed/);
    expect(other.requests).toHaveLength(0);
  });
});

describe.each(TRANSPORTS)('same-origin redirects (%s)', (_label, transport) => {
  test('a same-origin redirect is followed, keeping the Authorization header', async () => {
    const server = await recording((req, res) => {
      if (req.url === '/organizations/old') {
        res.writeHead(302, { location: '/organizations/new' });
        res.end();
      } else json(res, 200, { id: 'new' });
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('old'));
    if (!r.ok) throw r.error;
    expect(r.value).toEqual({ id: 'new' });
    expect(server.requests.map((q) => q.url)).toEqual(['/organizations/old', '/organizations/new']);
    expect(server.requests[1].headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  test('a 303 after a POST becomes a GET without body; a 307 keeps the method and body', async () => {
    const server = await recording((req, res) => {
      if (req.url.endsWith('/roles')) {
        res.writeHead(req.headers['x-mode'] === '307' ? 307 : 303, { location: '/moved' });
        res.end();
      } else json(res, 200, { id: 'r' });
    });
    const client = makeClient(server.url, transport);
    await client.organizations.createOrganizationRole('o', { name: 'n', permissions: [] }, { headers: { 'x-mode': '303' } });
    expect(server.requests.map((q) => q.method)).toEqual(['POST', 'GET']);
    expect(server.requests[1].body).toHaveLength(0);
    await client.organizations.createOrganizationRole('o', { name: 'n', permissions: [] }, { headers: { 'x-mode': '307' } });
    expect(server.requests.slice(2).map((q) => q.method)).toEqual(['POST', 'POST']);
    expect(server.requests[3].body.toString()).toBe(server.requests[2].body.toString());
  });

  test('an absolute same-origin redirect is followed too', async () => {
    let url;
    const server = await recording((req, res) => {
      if (req.url === '/organizations/old') {
        res.writeHead(301, { location: `${url}/organizations/new` });
        res.end();
      } else json(res, 200, { id: 'new' });
    });
    url = server.url;
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('old'));
    if (!r.ok) throw r.error;
    expect(r.value).toEqual({ id: 'new' });
  });

  test('a redirect loop ends with an error, not a hang', async () => {
    const server = await recording((req, res) => {
      res.writeHead(302, { location: req.url });
      res.end();
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('loop'));
    expect(r.ok).toBe(false);
    expect(r.error).toBeInstanceOf(WachtError);
    expect(server.requests.length).toBeLessThanOrEqual(10);
  });

  test('a same-origin redirect that then leaves the origin is stopped there', async () => {
    const other = await recording();
    const server = await recording((req, res) => {
      res.writeHead(302, { location: req.url === '/organizations/a' ? '/organizations/b' : `${other.url}/steal` });
      res.end();
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('a'));
    expect(r.error.message).toMatch(/not followed/);
    expect(server.requests).toHaveLength(2);
    expect(other.requests).toHaveLength(0);
  });
});

// ---- not HTTP at all, invalid UTF-8 ------------------------------------------------------

describe.each(TRANSPORTS)('garbage and bad encodings (%s)', (_label, transport) => {
  test('garbage that is not HTTP: ConnectionError', async () => {
    const server = await misbehaving({
      onConnection(socket) {
        socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\u0000\u00ff\u00fe garbage garbage\r\n\r\n'));
      },
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(r.error.code).toBe('connection_error');
  });

  test('binary garbage that never ends, timeout 500: ConnectionError or TimeoutError, no hang', async () => {
    const timers = [];
    const server = await misbehaving({
      onConnection(socket) {
        const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write(Buffer.from([0, 0xff, 0x13, 0x37]))), 20);
        timers.push(t);
      },
    });
    const r = await settle(makeClient(server.url, { ...transport, timeout: 500 }).organizations.getOrganization('org_1'));
    timers.forEach(clearInterval);
    expect(r.ok).toBe(false);
    expect(['connection_error', 'timeout']).toContain(r.error.code);
  });

  test('an immediate close without a response: ConnectionError', async () => {
    const server = await misbehaving({ onConnection: (socket) => socket.once('data', () => socket.end()) });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.error).toBeInstanceOf(ConnectionError);
  });

  test('a status line with an absurd status code: a typed error', async () => {
    const server = await misbehaving({ onRequest: (socket) => socket.end('HTTP/1.1 9999 What\r\ncontent-length: 2\r\n\r\n{}') });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.ok).toBe(false);
    expectNotSyntaxError(r.error);
  });

  test('a 200 with an invalid UTF-8 body: invalid_response, never SyntaxError nor silent U+FFFD', async () => {
    const server = await misbehaving({
      onRequest(socket) {
        const body = Buffer.concat([Buffer.from('{"id":"org_'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
        socket.end(Buffer.concat([Buffer.from(head(200, { 'content-type': 'application/json', 'content-length': String(body.length) })), body]));
      },
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.ok).toBe(false);
    expectNotSyntaxError(r.error);
    expect(r.error.code).toBe('invalid_response');
    expect(r.error.message).toMatch(/UTF-8/);
  });

  test('a 500 with an invalid UTF-8 body still yields a ServerError with the status', async () => {
    const server = await misbehaving({
      onRequest(socket) {
        const body = Buffer.from([0xff, 0xfe, 0x41]);
        socket.end(Buffer.concat([Buffer.from(head(500, { 'content-length': String(body.length) }, 'Internal Server Error')), body]));
      },
    });
    const r = await settle(makeClient(server.url, transport).organizations.getOrganization('org_1'));
    expect(r.error).toBeInstanceOf(sdk.ServerError);
    expect(r.error.statusCode).toBe(500);
  });
});

test('the process is still healthy after all of the above', async () => {
  const server = await recording((req, res) => json(res, 200, { id: 'ok' }));
  await expect(makeClient(server.url).organizations.getOrganization('ok')).resolves.toEqual({ id: 'ok' });
  await expect(makeClient(server.url, { fetch: globalThis.fetch }).organizations.getOrganization('ok')).resolves.toEqual({ id: 'ok' });
});
