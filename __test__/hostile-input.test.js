'use strict';
// Hostile input from callers: every method of `client.organizations`, every argument and
// every known field gets wrong values. Each must reject (a rejected promise, never a sync
// throw) with a ValidationError (code `invalid_argument`) that names the argument, and no
// request may reach the server. The constructor config gets the same treatment.
// Cases are generated from the tables below.

const sdk = require('../index.js');
const { startRecordingServer, json } = require('./helpers/recording-server');

const { WachtClient, ValidationError, createClientStore } = sdk;

let server;
let client;
beforeAll(async () => {
  server = await startRecordingServer((req, res) => json(res, 200, { data: [], has_more: false, id: '1' }));
  client = new WachtClient({ apiKey: 'sk_test_hostile', baseUrl: server.url, maxRetries: 0, timeout: 2000 });
});
afterAll(() => server.close());

// ---- hostile values ----------------------------------------------------------------------

const MB10 = 'x'.repeat(10 * 1024 * 1024);
function circular() {
  const o = { a: 1 };
  o.self = o;
  return o;
}
const V = {
  null: () => null,
  undefined: () => undefined,
  number: () => 42,
  zero: () => 0,
  negative: () => -1,
  fraction: () => 1.5,
  NaN: () => NaN,
  Infinity: () => Infinity,
  true: () => true,
  object: () => ({}),
  array: () => [],
  symbol: () => Symbol('s'),
  bigint: () => 10n,
  function: () => () => 'x',
  date: () => new Date(0),
  map: () => new Map(),
  circular,
  string: () => 'a string',
  numericString: () => '10',
  empty: () => '',
  dot: () => '.',
  dotdot: () => '..',
  str10MB: () => MB10,
  nul: () => 'a\u0000b',
  newline: () => 'a\nb',
  control: () => 'a\u0007b',
  del: () => 'a\u007fb',
  c1: () => 'a\u0085b',
  loneHigh: () => '\uD800',
  loneLow: () => 'ab\uDC00cd',
};
const pick = (...names) => names.map((n) => [n, V[n]]);

// Per kind of argument/field: the hostile values that must be refused.
const NON_STRING = ['number', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'date', 'circular'];
const KINDS = {
  // a path id: must be a clean, non-empty string that is not "." or ".."
  id: pick('null', 'undefined', ...NON_STRING, 'empty', 'dot', 'dotdot', 'str10MB', 'nul', 'newline', 'control', 'del', 'c1', 'loneHigh', 'loneLow'),
  // an optional id inside options: null means unset
  optionalId: pick(...NON_STRING, 'empty', 'dot', 'dotdot', 'str10MB', 'nul', 'newline', 'loneHigh'),
  // a required request object
  request: pick('null', 'undefined', ...NON_STRING.filter((n) => n !== 'object' && n !== 'circular'), 'string', 'map'),
  // an optional options bag (null/undefined mean none)
  options: pick('number', 'NaN', 'true', 'array', 'symbol', 'bigint', 'function', 'string'),
  // required free text
  requiredText: pick('null', 'undefined', ...NON_STRING, 'str10MB', 'nul', 'loneHigh', 'loneLow'),
  // optional free text where null is refused too
  text: pick('null', ...NON_STRING, 'str10MB', 'nul', 'loneHigh', 'loneLow'),
  // optional free text where null means unset
  nullableText: pick(...NON_STRING, 'str10MB', 'nul', 'loneHigh', 'loneLow'),
  // metadata objects (multipart or JSON)
  metadata: pick('number', 'NaN', 'true', 'array', 'symbol', 'bigint', 'function', 'string', 'date', 'map')
    .concat([
      ['circular', circular],
      ['bigint inside', () => ({ n: 10n })],
      ['deep bigint inside', () => ({ a: { b: [1, { c: 2n }] } })],
      ['10 MB inside', () => ({ blob: MB10 })],
      ['lone surrogate inside', () => ({ s: '\uD800' })],
      ['lone surrogate key', () => ({ ['\uDC00']: 1 })],
    ]),
  // a JSON id: string id or non-negative safe integer
  requiredJsonId: pick('null', 'undefined', 'negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'circular', 'empty', 'dot', 'dotdot', 'str10MB', 'nul', 'newline', 'loneHigh'),
  jsonId: pick('negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'circular', 'empty', 'dot', 'dotdot', 'str10MB', 'nul', 'newline', 'loneHigh'),
  jsonIdArray: pick('number', 'NaN', 'true', 'object', 'symbol', 'bigint', 'function', 'string', 'circular').concat([
    ['[null]', () => [null]],
    ['[1.5]', () => [1.5]],
    ['[{}]', () => [{}]],
    ['[10n]', () => [10n]],
    ["['']", () => ['']],
    ["['..']", () => ['..']],
    ["['\\uD800']", () => ['\uD800']],
    ["['a\\0b']", () => ['a\u0000b']],
  ]),
  stringArray: pick('null', 'number', 'NaN', 'true', 'object', 'symbol', 'bigint', 'function', 'string', 'circular').concat([
    ['[null]', () => [null]],
    ['[42]', () => [42]],
    ['[10n]', () => [10n]],
    ['[Symbol]', () => [Symbol('p')]],
    ["['a\\0b']", () => ['a\u0000b']],
    ["['\\uD800']", () => ['\uD800']],
    ['[10 MB]', () => [MB10]],
  ]),
  requiredStringArray: pick('null', 'undefined', 'number', 'true', 'object', 'symbol', 'bigint', 'function', 'string').concat([
    ['[null]', () => [null]],
    ['[42]', () => [42]],
    ["['\\uD800']", () => ['\uD800']],
  ]),
  boolean: pick('number', 'zero', 'NaN', 'object', 'array', 'symbol', 'bigint', 'function', 'string', 'empty'),
  image: pick('number', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'string', 'date', 'map', 'circular'),
  limit: pick('negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString', 'empty')
    .concat([['2**31', () => 2 ** 31]]),
  offset: pick('negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString')
    .concat([['2**53', () => 2 ** 53]]),
  sortOrder: pick('number', 'NaN', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'string', 'empty', 'nul', 'loneHigh')
    .concat([['ASC', () => 'ASC']]),
  expiryDays: pick('zero', 'negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString')
    .concat([['3651', () => 3651]]),
};

// ---- the 19 methods -----------------------------------------------------------------------

const PAGE_FIELDS = { limit: 'limit', offset: 'offset', sort_key: 'nullableText', sort_order: 'sortOrder', search: 'nullableText' };
const ENTITY = (image, nameKind) => ({
  name: nameKind,
  description: 'text',
  public_metadata: 'metadata',
  private_metadata: 'metadata',
  [image]: 'image',
});

/**
 * Each method: a valid argument list (which does reach the server), and for each argument
 * its name, kind and, for objects, the known fields and their kinds.
 */
const METHODS = {
  listOrganizations: [{ name: 'options', kind: 'options', valid: {}, fields: PAGE_FIELDS }],
  getOrganization: [{ name: 'organizationId', kind: 'id', valid: 'org_1' }],
  createOrganization: [
    { name: 'request', kind: 'request', valid: { name: 'Acme' }, fields: { ...ENTITY('organization_image', 'requiredText'), slug: 'nullableText', created_by: 'nullableText' } },
  ],
  updateOrganization: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'request', kind: 'request', valid: { name: 'Acme 2' }, fields: { ...ENTITY('organization_image', 'text'), remove_image: 'boolean' } },
  ],
  deleteOrganization: [{ name: 'organizationId', kind: 'id', valid: 'org_1' }],
  listOrganizationMembers: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'options', kind: 'options', valid: {}, fields: PAGE_FIELDS },
  ],
  addOrganizationMember: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'request', kind: 'request', json: true, valid: { user_id: 'u_1', role_ids: ['r_1'] }, fields: { user_id: 'requiredJsonId', role_ids: 'jsonIdArray', role: 'nullableText' } },
  ],
  updateOrganizationMember: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'memberId', kind: 'id', valid: 'm_1' },
    { name: 'request', kind: 'request', json: true, valid: { role_ids: ['r_1'] }, fields: { role_ids: 'jsonIdArray', role: 'nullableText', public_metadata: 'metadata' } },
  ],
  removeOrganizationMember: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'memberId', kind: 'id', valid: 'm_1' },
  ],
  listOrganizationRoles: [{ name: 'organizationId', kind: 'id', valid: 'org_1' }],
  createOrganizationRole: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'request', kind: 'request', json: true, valid: { name: 'Editor', permissions: ['org:read'] }, fields: { name: 'requiredText', permissions: 'requiredStringArray', key: 'nullableText', description: 'nullableText' } },
  ],
  updateOrganizationRole: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'roleId', kind: 'id', valid: 'r_1' },
    { name: 'request', kind: 'request', json: true, valid: { name: 'Editor 2' }, fields: { name: 'text', permissions: 'stringArray', key: 'nullableText', description: 'nullableText' } },
  ],
  deleteOrganizationRole: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'roleId', kind: 'id', valid: 'r_1' },
  ],
  assignOrganizationMemberRole: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'membershipId', kind: 'id', valid: 'm_1' },
    { name: 'roleId', kind: 'id', valid: 'r_1' },
  ],
  removeOrganizationMemberRole: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'membershipId', kind: 'id', valid: 'm_1' },
    { name: 'roleId', kind: 'id', valid: 'r_1' },
  ],
  createWorkspaceForOrganization: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'request', kind: 'request', valid: { name: 'WS' }, fields: ENTITY('workspace_image', 'requiredText') },
  ],
  listOrganizationInvitations: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'options', kind: 'options', valid: {}, fields: { workspace_id: 'optionalId', include_deleted: 'boolean' } },
  ],
  createOrganizationInvitation: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    {
      name: 'request',
      kind: 'request',
      json: true,
      valid: { email: 'a@example.com' },
      fields: { email: 'requiredText', role_id: 'jsonId', workspace_id: 'jsonId', workspace_role_id: 'jsonId', expiry_days: 'expiryDays' },
    },
  ],
  discardOrganizationInvitation: [
    { name: 'organizationId', kind: 'id', valid: 'org_1' },
    { name: 'invitationId', kind: 'id', valid: 'i_1' },
  ],
};

// The last argument of every method: request options.
const REQUEST_OPTIONS = {
  whole: pick('number', 'NaN', 'true', 'array', 'symbol', 'bigint', 'function', 'string').concat([
    ['unknown key', () => ({ retries: 3 })],
    ['typo of timeout', () => ({ timout: 100 })],
  ]),
  fields: {
    signal: pick('null', 'number', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'string', 'circular').concat([
      ['an AbortController', () => new AbortController()],
    ]),
    timeout: pick('null', 'zero', 'negative', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString'),
    totalTimeout: pick('null', 'zero', 'negative', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString'),
    maxRetries: pick('null', 'negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString')
      .concat([['11', () => 11], ['1e9', () => 1e9]]),
    headers: pick('null', 'number', 'true', 'array', 'symbol', 'bigint', 'function', 'string', 'map', 'date').concat([
      ['invalid name', () => ({ 'bad name': 'x' })],
      ['empty name', () => ({ '': 'x' })],
      ['non-ASCII name', () => ({ 'x-é': 'x' })],
      ['number value', () => ({ 'x-a': 42 })],
      ['bigint value', () => ({ 'x-a': 10n })],
      ['symbol value', () => ({ 'x-a': Symbol('v') })],
      ['object value', () => ({ 'x-a': {} })],
      ['CRLF injection', () => ({ 'x-a': 'a\r\nX-Injected: 1' })],
      ['LF', () => ({ 'x-a': 'a\nb' })],
      ['NUL', () => ({ 'x-a': 'a\u0000b' })],
      ['circular value', () => ({ 'x-a': circular() })],
    ]),
    idempotencyKey: pick('null', 'number', 'NaN', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'empty', 'nul', 'newline', 'loneHigh', 'str10MB', 'circular')
      .concat([['space', () => 'a b'], ['non-ASCII', () => 'clé'], ['256 chars', () => 'k'.repeat(256)]]),
  },
};

// ---- case generation ---------------------------------------------------------------------

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const validArgs = (specs) => specs.map((s) => (typeof s.valid === 'object' ? { ...s.valid } : s.valid));

/** [title, methodName, args, expectedParamPrefix] */
function buildCases() {
  const cases = [];
  for (const [method, specs] of Object.entries(METHODS)) {
    specs.forEach((spec, i) => {
      for (const [label, make] of KINDS[spec.kind]) {
        const args = validArgs(specs);
        args[i] = make();
        cases.push([`${method}: ${spec.name} = ${label}`, method, args, spec.name]);
      }
      if (spec.kind === 'request' && spec.json) {
        // JSON bodies: the whole request must be serializable.
        const extra = [
          ['a circular extra field', circular()],
          ['a BigInt extra field', 10n],
          ['a 10 MB extra field', MB10],
        ];
        for (const [label, value] of extra) {
          const args = validArgs(specs);
          args[i] = { ...args[i], extra: value };
          cases.push([`${method}: request with ${label}`, method, args, 'request']);
        }
      }
      for (const [field, kind] of Object.entries(spec.fields || {})) {
        for (const [label, make] of KINDS[kind]) {
          const args = validArgs(specs);
          const value = make();
          if (value === undefined) delete args[i][field];
          else args[i] = { ...args[i], [field]: value };
          // In a JSON body the size limit is on the whole body, so it names the request.
          const expected = spec.json && label === '10 MB inside' ? spec.name : `${spec.name}.${field}`;
          cases.push([`${method}: ${spec.name}.${field} = ${label}`, method, args, expected]);
        }
      }
    });
    // The request-options argument, one past the official ones.
    for (const [label, make] of REQUEST_OPTIONS.whole) {
      cases.push([`${method}: requestOptions = ${label}`, method, [...validArgs(specs), make()], 'options']);
    }
    for (const [field, values] of Object.entries(REQUEST_OPTIONS.fields)) {
      for (const [label, make] of values) {
        cases.push([`${method}: requestOptions.${field} = ${label}`, method, [...validArgs(specs), { [field]: make() }], `options.${field}`]);
      }
    }
  }
  return cases;
}

const CASES = buildCases();

/** Calls a method; a synchronous throw counts as a failure of the test. */
async function invoke(method, args) {
  let promise;
  try {
    promise = client.organizations[method](...args);
  } catch (err) {
    throw new Error(`${method} threw synchronously instead of returning a rejected promise: ${err && err.message}`);
  }
  expect(promise).toBeInstanceOf(Promise);
  return promise.then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, error }),
  );
}

function expectNamedValidationError(error, param, messageNames = param) {
  if (!(error instanceof ValidationError) && !(error instanceof TypeError)) {
    throw new Error(`expected a ValidationError naming ${param}, got ${error && error.name}: ${error && error.message}`);
  }
  expect(error.code).toBe('invalid_argument');
  expect(error.message).toMatch(new RegExp(esc(messageNames)));
  // the message is bounded: a 10 MB value must not be echoed back
  expect(error.message.length).toBeLessThan(500);
  if (error instanceof ValidationError) {
    expect(error.statusCode).toBeUndefined();
    expect(typeof error.param).toBe('string');
    expect(error.param.startsWith(param.split('.')[0])).toBe(true);
  }
}

test('the tables cover all 19 methods, with the right arity', () => {
  // The 19 official methods (the paginate* helpers are covered below).
  const official = Object.keys(client.organizations).filter((m) => !m.startsWith('paginate'));
  expect(Object.keys(METHODS).sort()).toEqual(official.sort());
  expect(Object.keys(METHODS)).toHaveLength(19);
  for (const [method, specs] of Object.entries(METHODS)) {
    expect([method, sdk.organizations[method].length]).toEqual([method, 0]); // rest args
    expect(specs.length).toBeGreaterThan(0);
  }
  expect(CASES.length).toBeGreaterThan(1500);
});

describe('valid arguments reach the server (control)', () => {
  test.each(Object.keys(METHODS))('%s', async (method) => {
    const before = server.requests.length;
    const result = await invoke(method, validArgs(METHODS[method]));
    if (!result.ok) throw result.error;
    expect(server.requests.length).toBe(before + 1);
  });
});

describe('hostile arguments are refused before any request', () => {
  test.each(CASES)('%s', async (_title, method, args, param) => {
    const before = server.requests.length;
    const result = await invoke(method, args);
    expect(result.ok).toBe(false);
    expectNamedValidationError(result.error, param);
    expect(server.requests.length).toBe(before);
  });
});

describe('other hostile shapes', () => {
  test('a getter that throws inside a request rejects the promise without a request', async () => {
    const before = server.requests.length;
    const request = {};
    Object.defineProperty(request, 'name', { enumerable: true, get() { throw new Error('boom from getter'); } });
    const result = await invoke('createOrganization', [request]);
    expect(result.ok).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  test('a Proxy request whose traps throw rejects without a request', async () => {
    const before = server.requests.length;
    const hostile = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    const result = await invoke('addOrganizationMember', ['org_1', hostile]);
    expect(result.ok).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  test('an id object with a toString that lies is refused', async () => {
    const before = server.requests.length;
    const result = await invoke('getOrganization', [{ toString: () => 'org_1' }]);
    expect(result.ok).toBe(false);
    expectNamedValidationError(result.error, 'organizationId');
    expect(server.requests.length).toBe(before);
  });

  test('a String object is not an id', async () => {
    const result = await invoke('getOrganization', [new String('org_1')]); // eslint-disable-line no-new-wrappers
    expect(result.ok).toBe(false);
    expectNamedValidationError(result.error, 'organizationId');
  });

  test('ids of exactly 256 characters pass, 257 are refused', async () => {
    const before = server.requests.length;
    const ok = await invoke('getOrganization', ['a'.repeat(256)]);
    expect(ok.ok).toBe(true);
    const bad = await invoke('getOrganization', ['a'.repeat(257)]);
    expectNamedValidationError(bad.error, 'organizationId');
    expect(server.requests.length).toBe(before + 1);
  });

  test('ids with "/", "?", "#" and "%" are encoded as one path segment, never traversal', async () => {
    for (const id of ['a/../../admin', 'a?x=1', 'a#frag', '%2e%2e', ' ', 'é']) {
      const before = server.requests.length;
      const result = await invoke('getOrganization', [id]);
      expect(result.ok).toBe(true);
      expect(server.requests.length).toBe(before + 1);
      const url = server.last().url;
      expect(url.startsWith('/organizations/')).toBe(true);
      expect(url.slice('/organizations/'.length)).not.toMatch(/[/?#]/);
      expect(decodeURIComponent(url.slice('/organizations/'.length))).toBe(id);
    }
  });

  test('an aborted signal inside hostile options still validates the other fields first', async () => {
    const before = server.requests.length;
    const result = await invoke('getOrganization', ['org_1', { signal: AbortSignal.abort(), timeout: -5 }]);
    expectNamedValidationError(result.error, 'options.timeout');
    expect(server.requests.length).toBe(before);
  });

  test('the module-level namespace refuses the same way', async () => {
    const before = server.requests.length;
    const err = await sdk.organizations.getOrganization(null, client).catch((e) => e);
    expectNamedValidationError(err, 'organizationId');
    const err2 = await sdk.organizations.createOrganization({ name: 10n }, client).catch((e) => e);
    expectNamedValidationError(err2, 'request.name');
    expect(server.requests.length).toBe(before);
  });

  test.each([
    ['paginateOrganizations', [{ limit: -1 }], 'options.limit'],
    ['paginateOrganizations', [{}, { timeout: NaN }], 'options.timeout'],
    ['paginateOrganizationMembers', ['..'], 'organizationId'],
    ['paginateOrganizationMembers', ['org_1', { sort_order: 10n }], 'options.sort_order'],
  ])('%s with hostile arguments fails with a named ValidationError, no request', async (method, args, param) => {
    const before = server.requests.length;
    let error;
    try {
      for await (const item of client.organizations[method](...args)) void item; // eslint-disable-line no-unused-vars
    } catch (err) {
      error = err;
    }
    expectNamedValidationError(error, param);
    expect(server.requests.length).toBe(before);
  });

  test('2,000 hostile calls in parallel all settle, none reaches the server', async () => {
    const before = server.requests.length;
    const sample = CASES.filter((_, i) => i % Math.ceil(CASES.length / 2000) === 0);
    const results = await Promise.all(sample.map(([, method, args]) => invoke(method, args)));
    expect(results.every((r) => !r.ok && r.error.code === 'invalid_argument')).toBe(true);
    expect(server.requests.length).toBe(before);
  });
});

// ---- the constructor -------------------------------------------------------------------

const CONFIG_CASES = [
  ...pick('undefined', 'null', 'number', 'true', 'array', 'symbol', 'bigint', 'function', 'string').map(([l, m]) => [`config = ${l}`, m, 'config']),
  ...pick('number', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'date').map(([l, m]) => [`apiKey = ${l}`, () => ({ apiKey: m() }), 'config.apiKey']),
  ['apiKey with CRLF (header injection)', () => ({ apiKey: 'sk_1\r\nX-Injected: 1' }), 'config.apiKey'],
  ['apiKey with NUL', () => ({ apiKey: 'sk_1\u0000' }), 'config.apiKey'],
  ['apiKey with a lone surrogate', () => ({ apiKey: 'sk_\uD800' }), 'config.apiKey'],
  ['apiKey of 10 MB', () => ({ apiKey: MB10 }), 'config.apiKey'],
  ...pick('number', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'nul', 'loneHigh', 'str10MB', 'dot', 'string').map(([l, m]) => [`baseUrl = ${l}`, () => ({ apiKey: 'k', baseUrl: m() }), 'config.baseUrl']),
  ['baseUrl ftp:', () => ({ apiKey: 'k', baseUrl: 'ftp://example.com' }), 'config.baseUrl'],
  ['baseUrl javascript:', () => ({ apiKey: 'k', baseUrl: 'javascript:alert(1)' }), 'config.baseUrl'],
  ['baseUrl http:// with no host', () => ({ apiKey: 'k', baseUrl: 'http://' }), 'config.baseUrl'],
  ['baseUrl with CRLF', () => ({ apiKey: 'k', baseUrl: 'http://a.test/\r\nX: 1' }), 'config.baseUrl'],
  ...pick('negative', 'NaN', 'Infinity', 'true', 'object', 'array', 'symbol', 'bigint', 'function', 'numericString').map(([l, m]) => [`timeout = ${l}`, () => ({ apiKey: 'k', timeout: m() }), 'config.timeout']),
  ...pick('null', 'zero', 'negative', 'NaN', 'Infinity', 'true', 'object', 'symbol', 'bigint', 'numericString').map(([l, m]) => [`totalTimeout = ${l}`, () => ({ apiKey: 'k', totalTimeout: m() }), 'config.totalTimeout']),
  ...pick('negative', 'fraction', 'NaN', 'Infinity', 'true', 'object', 'symbol', 'bigint', 'numericString').map(([l, m]) => [`maxRetries = ${l}`, () => ({ apiKey: 'k', maxRetries: m() }), 'config.maxRetries']),
  ['maxRetries = 11', () => ({ apiKey: 'k', maxRetries: 11 }), 'config.maxRetries'],
  ...REQUEST_OPTIONS.fields.headers.filter(([l]) => l !== 'null').map(([l, m]) => [`headers = ${l}`, () => ({ apiKey: 'k', headers: m() }), 'config.headers']),
  ...pick('number', 'true', 'object', 'array', 'symbol', 'bigint', 'string').map(([l, m]) => [`fetch = ${l}`, () => ({ apiKey: 'k', fetch: m() }), 'config.fetch']),
  ...pick('number', 'true', 'object', 'array', 'symbol', 'bigint', 'function').map(([l, m]) => [`name = ${l}`, () => ({ apiKey: 'k', name: m() }), 'config.name']),
  ...pick('number', 'true', 'object', 'array', 'symbol', 'string').map(([l, m]) => [`store = ${l}`, () => ({ apiKey: 'k', name: 'n', store: m() }), 'config.store']),
  ['store with a non-function register', () => ({ apiKey: 'k', name: 'n', store: { register: 1 } }), 'config.store'],
  ...pick('number', 'true', 'array', 'symbol', 'bigint', 'function', 'string', 'date').map(([l, m]) => [`hooks = ${l}`, () => ({ apiKey: 'k', hooks: m() }), 'config.hooks']),
  ...['onRequest', 'onResponse', 'onRetry', 'onError'].flatMap((hook) =>
    pick('number', 'true', 'object', 'string', 'symbol').map(([l, m]) => [`hooks.${hook} = ${l}`, () => ({ apiKey: 'k', hooks: { [hook]: m() } }), `config.hooks.${hook}`])),
  ...pick('number', 'true', 'object', 'symbol', 'bigint', 'function', 'string').map(([l, m]) => [`logger = ${l}`, () => ({ apiKey: 'k', logger: m() }), 'config.logger']),
  ['logger with a non-function warn', () => ({ apiKey: 'k', logger: { debug() {}, warn: 'no' } }), 'config.logger'],
];

describe('hostile constructor config', () => {
  test.each(CONFIG_CASES)('%s', (_title, make, param) => {
    const before = server.requests.length;
    let thrown;
    try {
      new WachtClient(make()); // eslint-disable-line no-new
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeDefined();
    // The message names the option (`baseUrl must be ...`); `param` has its full path.
    expectNamedValidationError(thrown, param, param === 'config' ? 'config' : param.split('.').slice(1).join('.'));
    expect(thrown.param.startsWith(param)).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  test('valid config with a store registers the client (control)', () => {
    const store = createClientStore();
    const c = new WachtClient({ apiKey: 'k', baseUrl: server.url, name: 'main', store });
    expect(store.get('main')).toBe(c);
  });
});
