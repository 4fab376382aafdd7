'use strict';
// Every error class, from real HTTP answers of a recording server: the real status, the
// server's message, the parsed body, and the right class even for non-JSON bodies.

const net = require('net');
const sdk = require('../index.js');
const { startRecordingServer, json } = require('./helpers/recording-server');

const { WachtClient, WachtError } = sdk;
let server;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const client = (extra = {}) => new WachtClient({ apiKey: 'sk_secret_key', baseUrl: server.url, maxRetries: 0, ...extra });
const envelope = (message, code) => ({ errors: [{ message, code }] });

describe.each([
  [400, 'ValidationError', 'User is already a member of this organization'],
  [401, 'AuthenticationError', 'Authentication failed'],
  [403, 'AuthorizationError', 'Permission denied for this resource'],
  [404, 'NotFoundError', 'Organization not found'],
  [409, 'ConflictError', 'an invitation for this email is already pending'],
  [429, 'RateLimitError', 'Rate limit exceeded. Retry after 60 seconds'],
  [500, 'ServerError', 'Something went wrong'],
  [502, 'ServerError', 'Upstream failed'],
  [503, 'ServerError', 'Something went wrong'],
  [504, 'ServerError', 'Operation timed out'],
  [422, 'WachtError', 'Invalid request payload'],
  [415, 'WachtError', 'Request failed'],
])('HTTP %i', (status, className, message) => {
  test(`rejects with ${className} carrying the real status, the server message and the body`, async () => {
    const body = envelope(message, status);
    server.respondWith((req, res) => json(res, status, body, { 'x-request-id': 'req_42' }));
    const err = await client().organizations.getOrganization('1').catch((e) => e);
    expect(err).toBeInstanceOf(sdk[className]);
    expect(err).toBeInstanceOf(WachtError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(className);
    expect(err.statusCode).toBe(status);
    expect(err.message).toBe(message);
    expect(err.details).toEqual(body);
    expect(err.requestId).toBe('req_42');
    expect(err.code).toBe('api_error');
    expect(err.attempts).toBe(1);
    expect(err.rawBody).toBe(JSON.stringify(body));
  });
});

test('a top-level message is used when there is no envelope', async () => {
  server.respondWith((req, res) => json(res, 400, { message: 'bad thing', details: { field: 'name' } }));
  const err = await client().organizations.getOrganization('1').catch((e) => e);
  expect(err).toBeInstanceOf(sdk.ValidationError);
  expect(err.message).toBe('bad thing');
  expect(err.details).toEqual({ message: 'bad thing', details: { field: 'name' } });
});

test('an HTML 502 from a proxy still yields ServerError with status 502', async () => {
  server.respondWith((req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  const err = await client().organizations.listOrganizations().catch((e) => e);
  expect(err).toBeInstanceOf(sdk.ServerError);
  expect(err.statusCode).toBe(502);
  expect(err.message).toBe('HTTP 502 Bad Gateway (response body is not JSON)');
  expect(err.details).toBeUndefined();
  expect(err.rawBody).toContain('502 Bad Gateway');
});

test('an empty error body yields the right class and status', async () => {
  server.respondWith((req, res) => {
    res.writeHead(404);
    res.end();
  });
  const err = await client().organizations.getOrganization('1').catch((e) => e);
  expect(err).toBeInstanceOf(sdk.NotFoundError);
  expect(err.statusCode).toBe(404);
  expect(err.message).toBe('HTTP 404 Not Found (empty response body)');
});

test('a 2xx with invalid JSON rejects with a WachtError, never a bare SyntaxError', async () => {
  server.respondWith((req, res) => json(res, 200, '{"data": [1, 2'));
  const err = await client().organizations.listOrganizations().catch((e) => e);
  expect(err).toBeInstanceOf(WachtError);
  expect(err).not.toBeInstanceOf(SyntaxError);
  expect(err.code).toBe('invalid_response');
  expect(err.message).toMatch(/^The response to listOrganizations is not valid JSON/);
  expect(err.cause).toBeInstanceOf(SyntaxError);
});

test('connection refused is a ConnectionError that says so', async () => {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const c = new WachtClient({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
  const err = await c.organizations.getOrganization('1').catch((e) => e);
  expect(err).toBeInstanceOf(sdk.ConnectionError);
  expect(err).toBeInstanceOf(WachtError);
  expect(err.message).toMatch(/Could not connect to the Wacht API/);
  expect(err.statusCode).toBeUndefined();
  expect(err.cause).toBeInstanceOf(Error);
});

test('a timeout is a TimeoutError that says it timed out', async () => {
  server.respondWith(() => {}); // never answers
  const err = await client({ timeout: 150 }).organizations.getOrganization('1').catch((e) => e);
  expect(err).toBeInstanceOf(sdk.TimeoutError);
  expect(err.message).toBe('Request timed out after 150 ms');
  expect(err.code).toBe('timeout');
});

test('a missing or empty apiKey: construction succeeds, every call rejects before sending', async () => {
  const before = server.requests.length;
  for (const apiKey of [undefined, '']) {
    const c = new WachtClient({ apiKey, baseUrl: server.url });
    const err = await c.organizations.listOrganizations().catch((e) => e);
    expect(err).toBeInstanceOf(sdk.AuthenticationError);
    expect(err.code).toBe('missing_api_key');
    expect(err.message).toMatch(/No API key configured/);
    expect(err.statusCode).toBeUndefined();
  }
  expect(server.requests.length).toBe(before);
});

test('bad configuration fails at construction with a clear error', () => {
  expect(() => new WachtClient({ apiKey: 'k', baseUrl: 'ftp://x' })).toThrow(/baseUrl must be an absolute http\(s\) URL/);
  expect(() => new WachtClient({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(sdk.ValidationError);
  expect(() => new WachtClient({ apiKey: 'k', timeout: -1 })).toThrow(/config.timeout must be a non-negative number/);
  expect(() => new WachtClient({ apiKey: 'k', timeout: NaN })).toThrow(/config.timeout/);
  expect(() => new WachtClient({ apiKey: 'k', headers: { 'bad name': 'x' } })).toThrow(/invalid header name/);
  expect(() => new WachtClient()).toThrow(/config must be an object/);
  expect(() => new WachtClient({ apiKey: 42 })).toThrow(/config.apiKey must be a string/);
});

test('unknown config options are ignored, as the official SDK does', () => {
  expect(() => new WachtClient({ apiKey: 'k', somethingElse: true, retries: 'x' })).not.toThrow();
});

test('parseApiError keeps the official mapping', () => {
  expect(sdk.parseApiError(404, { message: 'm' })).toBeInstanceOf(sdk.NotFoundError);
  expect(sdk.parseApiError(503, {}).statusCode).toBe(500);
  expect(sdk.parseApiError(418, { message: 'tea' }).statusCode).toBe(418);
});

test('the official error constructors still work', () => {
  const e = new sdk.ValidationError('m', { a: 1 });
  expect([e.name, e.statusCode, e.details, e.message]).toEqual(['ValidationError', 400, { a: 1 }, 'm']);
  expect(new sdk.NotFoundError().message).toBe('Resource not found');
});
