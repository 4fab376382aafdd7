'use strict';
// Wire format, differentially: every method is called on this package and on the official
// SDK (installed as `wacht-backend-official`) against the same recording server, and the
// requests must match: method, path, query, content type, body (multipart boundaries
// normalized), Authorization.

const { WachtClient } = require('../index.js');
const { startRecordingServer, json } = require('./helpers/recording-server');

let server;
let official;
beforeAll(async () => {
  server = await startRecordingServer();
  official = await import('wacht-backend-official');
});
afterAll(() => server.close());

function clients(extra = {}) {
  const config = { apiKey: 'sk_test_123', baseUrl: server.url, ...extra };
  return { ours: new WachtClient(config), theirs: new official.WachtClient(config) };
}

/** A request with the multipart boundary replaced, so two encoders can be compared. */
function normalize(record) {
  const contentType = record.headers['content-type'];
  let body = record.body.toString('latin1');
  let type = contentType;
  const m = contentType && /boundary=(.+)$/.exec(contentType);
  if (m) {
    body = body.split(m[1]).join('BOUNDARY');
    type = contentType.replace(m[1], 'BOUNDARY');
  }
  return {
    method: record.method,
    url: record.url,
    contentType: type,
    // Boundaries differ in length, so only body-less and JSON requests compare lengths.
    contentLength: m ? 'multipart' : record.headers['content-length'],
    authorization: record.headers.authorization,
    body,
  };
}

async function capture(call) {
  const before = server.requests.length;
  await call();
  expect(server.requests.length).toBe(before + 1);
  return normalize(server.last());
}

const png = () => new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])], { type: 'image/png' });

// [method, arguments]: the official signatures, with the documented request shapes.
const CASES = [
  ['listOrganizations', [{ limit: 100 }]],
  ['listOrganizations', [{ limit: 5, offset: 10, sort_key: 'name', sort_order: 'asc', search: 'acme & co+' }]],
  ['listOrganizations', [{}]],
  ['getOrganization', ['78855599554805487']],
  ['createOrganization', [{ name: 'Acme Corp', slug: 'acme-corp', created_by: 'usr_xyz789' }]],
  ['createOrganization', [{ name: 'Acme', description: 'line1\nline2', public_metadata: { tier: 'gold', n: [1, 2] }, private_metadata: {}, organization_image: png() }]],
  ['createOrganization', [{ name: 'With file', organization_image: new File([Buffer.from('GIF89a')], 'logo.gif', { type: 'image/gif' }) }]],
  ['updateOrganization', ['org_abc123', { name: 'Acme Corporation Global', public_metadata: { tier: 'enterprise' } }]],
  ['updateOrganization', ['1', { remove_image: true }]],
  ['updateOrganization', ['1', { remove_image: false, description: 'd' }]],
  ['deleteOrganization', ['org_abc123']],
  ['listOrganizationMembers', ['org_abc123', { limit: 1, offset: 2, search: 'ada lovelace', sort_key: 'email', sort_order: 'desc' }]],
  ['addOrganizationMember', ['org_abc123', { user_id: 'usr_xyz789', role: 'org:admin' }]],
  ['addOrganizationMember', ['1', { user_id: '2', role_ids: ['3', '4'], extra: { keep: true } }]],
  ['updateOrganizationMember', ['org_abc123', 'mem_123', { role: 'org:member' }]],
  ['updateOrganizationMember', ['1', '2', { role_ids: [], public_metadata: { a: 1 } }]],
  ['removeOrganizationMember', ['org_abc123', 'mem_123']],
  ['listOrganizationRoles', ['org_abc123']],
  ['createOrganizationRole', ['org_abc123', { name: 'Billing Manager', key: 'org:billing_manager', description: 'Can view and modify invoices', permissions: ['org:billing:read', 'org:billing:write'] }]],
  ['updateOrganizationRole', ['1', '2', { name: 'Renamed', permissions: [] }]],
  ['deleteOrganizationRole', ['1', '2']],
  ['createWorkspaceForOrganization', ['1', { name: 'Eng', description: 'x', public_metadata: { a: 1 }, workspace_image: png() }]],
  ['listOrganizationInvitations', ['1', { workspace_id: '9', include_deleted: true }]],
  ['listOrganizationInvitations', ['1', {}]],
  ['createOrganizationInvitation', ['1', { email: 'a@b.co', role_id: '3', expiry_days: 7 }]],
  ['discardOrganizationInvitation', ['1', '5']],
];

describe('requests match the official SDK byte for byte', () => {
  test.each(CASES.map(([m, args], i) => [`${i} ${m}`, m, args]))('%s', async (_label, method, args) => {
    server.respondWith((req, res) => json(res, 200, {}));
    const { ours, theirs } = clients();
    const mine = await capture(() => ours.organizations[method](...args));
    const reference = await capture(() => theirs.organizations[method](...args));
    expect(mine).toEqual(reference);
  });
});

describe('wire details', () => {
  test('JSON bodies are the caller object verbatim, key order kept, application/json', async () => {
    const { ours } = clients();
    await ours.organizations.addOrganizationMember('1', { role: 'org:admin', user_id: '7', z: 1, a: undefined });
    const req = server.last();
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body.toString()).toBe('{"role":"org:admin","user_id":"7","z":1}');
  });

  test('multipart parts in the official order, metadata as JSON text, unknown keys dropped', async () => {
    const { ours } = clients();
    await ours.organizations.updateOrganization('1', {
      organization_image: png(), remove_image: true, private_metadata: { b: 2 }, public_metadata: { a: 1 }, description: 'D', name: 'N',
    });
    const body = normalize(server.last()).body;
    const names = [...body.matchAll(/form-data; name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['name', 'description', 'public_metadata', 'private_metadata', 'remove_image', 'organization_image']);
    expect(body).toContain('name="public_metadata"\r\n\r\n{"a":1}\r\n');
    expect(body).toContain('name="remove_image"\r\n\r\ntrue\r\n');
    expect(body).toContain('filename="blob"\r\nContent-Type: image/png\r\n\r\n');
  });

  test('Buffer and Uint8Array images are sent as application/octet-stream blobs', async () => {
    const { ours } = clients();
    await ours.organizations.createOrganization({ name: 'x', organization_image: new Uint8Array([1, 2, 3]) });
    const body = server.last().body.toString('latin1');
    expect(body).toContain('name="organization_image"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n\x01\x02\x03\r\n');
  });

  test('assign and remove member role: body-less POST and DELETE (not in the published beta.20)', async () => {
    const { ours } = clients();
    await expect(ours.organizations.assignOrganizationMemberRole('1', '2', '3')).resolves.toBeUndefined();
    let req = server.last();
    expect([req.method, req.url, req.headers['content-length'], req.headers['content-type']]).toEqual(['POST', '/organizations/1/members/2/roles/3', '0', undefined]);
    await expect(ours.organizations.removeOrganizationMemberRole('1', '2', '3')).resolves.toBeUndefined();
    req = server.last();
    expect([req.method, req.url, req.body.length]).toEqual(['DELETE', '/organizations/1/members/2/roles/3', 0]);
  });

  test('Authorization, configured headers and a User-Agent naming this package', async () => {
    const { ours } = clients({ headers: { 'X-Tenant': 't1' } });
    await ours.organizations.getOrganization('1');
    const h = server.last().headers;
    expect(h.authorization).toBe('Bearer sk_test_123');
    expect(h['x-tenant']).toBe('t1');
    expect(h['user-agent']).toMatch(/^@wacht\/backend\/\d+\.\d+\.\d+ \(native; node\/v\d+/);
  });

  test('a configured Authorization header replaces the bearer default', async () => {
    const { ours } = clients({ headers: { Authorization: 'Bearer other' } });
    await ours.organizations.getOrganization('1');
    expect(server.last().headers.authorization).toBe('Bearer other');
  });

  test('void operations resolve to undefined; lists resolve to the server page', async () => {
    const page = { data: [{ id: '1', name: 'A' }], has_more: true, limit: 1, offset: 0 };
    server.respondWith((req, res) => json(res, 200, req.method === 'GET' ? page : {}));
    const { ours } = clients();
    await expect(ours.organizations.deleteOrganization('1')).resolves.toBeUndefined();
    await expect(ours.organizations.updateOrganizationMember('1', '2', {})).resolves.toBeUndefined();
    await expect(ours.organizations.discardOrganizationInvitation('1', '2')).resolves.toBeUndefined();
    await expect(ours.organizations.listOrganizations()).resolves.toEqual(page);
  });
});

describe('fixes over the official SDK', () => {
  beforeEach(() => server.respondWith((req, res) => json(res, 200, { data: [], has_more: false })));

  test('omitting an optional trailing argument uses the instance, never a global client', async () => {
    const { ours } = clients();
    delete process.env.WACHT_API_KEY;
    await ours.organizations.listOrganizationMembers('org_1');
    expect(server.last().url).toBe('/organizations/org_1/members');
    await ours.organizations.listOrganizations();
    expect(server.last().url).toBe('/organizations');
    await ours.organizations.listOrganizationInvitations('org_1');
    expect(server.last().url).toBe('/organizations/org_1/invitations');
  });

  test('each id is one percent-encoded path segment', async () => {
    const { ours } = clients();
    await ours.organizations.getOrganization('a/b?c#d');
    expect(server.last().url).toBe('/organizations/a%2Fb%3Fc%23d');
    await ours.organizations.removeOrganizationMember('org 1', 'é');
    expect(server.last().url).toBe('/organizations/org%201/members/%C3%A9');
  });

  test('a path in baseUrl is kept', async () => {
    for (const base of [`${server.url}/api/v1`, `${server.url}/api/v1/`]) {
      const client = new WachtClient({ apiKey: 'k', baseUrl: base });
      await client.organizations.getOrganization('1');
      expect(server.last().url).toBe('/api/v1/organizations/1');
    }
  });

  test('WACHT_API_URL is the default base URL when baseUrl is not given', async () => {
    process.env.WACHT_API_URL = `${server.url}/from-env`;
    try {
      const client = new WachtClient({ apiKey: 'k' });
      expect(client.getBaseUrl()).toBe(`${server.url}/from-env`);
      await client.organizations.listOrganizationRoles('1');
      expect(server.last().url).toBe('/from-env/organizations/1/roles');
    } finally {
      delete process.env.WACHT_API_URL;
    }
  });
});

test('an explicit client as the last argument of a bound method is used, as in the official SDK', async () => {
  server.respondWith((req, res) => json(res, 200, { data: [], has_more: false }));
  const other = await startRecordingServer((req, res) => json(res, 200, { data: [], has_more: false }));
  try {
    const { ours } = clients();
    const elsewhere = new WachtClient({ apiKey: 'other_key', baseUrl: other.url });
    await ours.organizations.listOrganizationMembers('org_1', undefined, elsewhere);
    expect(other.last().url).toBe('/organizations/org_1/members');
    expect(other.last().headers.authorization).toBe('Bearer other_key');
  } finally {
    await other.close();
  }
});
