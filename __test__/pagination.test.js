'use strict';
// Auto-pagination against the emulator: every item once, page by page, and toArray that
// refuses to truncate silently. The list methods themselves still return one page.

const sdk = require('../index.js');
const { startEmulator } = require('../testing.js');

let emulator;
let client;
let requests;
beforeAll(async () => {
  emulator = await startEmulator();
  requests = [];
  client = new sdk.WachtClient({
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    hooks: { onRequest: (e) => requests.push(e.path) },
  });
  for (let i = 0; i < 25; i++) await client.organizations.createOrganization({ name: `P${String(i).padStart(2, '0')}` });
});
afterAll(() => emulator.close());

test('for await yields every organization exactly once, across pages', async () => {
  const names = [];
  for await (const org of client.organizations.paginateOrganizations({ limit: 10, sort_key: 'name', sort_order: 'asc' })) {
    names.push(org.name);
  }
  expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `P${String(i).padStart(2, '0')}`));
});

test('pages() walks the offsets the server reports', async () => {
  const pages = [];
  for await (const page of client.organizations.paginateOrganizations({ limit: 10 }).pages()) {
    pages.push([page.offset, page.data.length, page.has_more]);
  }
  expect(pages).toEqual([[0, 10, true], [10, 10, true], [20, 5, false]]);
});

test('nothing is fetched until iteration starts; breaking early stops fetching', async () => {
  await new Promise((r) => setTimeout(r, 50));
  requests.length = 0;
  const pager = client.organizations.paginateOrganizations({ limit: 5 });
  await new Promise((r) => setTimeout(r, 50));
  expect(requests).toEqual([]);
  for await (const org of pager) {
    expect(org.id).toBeDefined();
    break;
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(requests).toEqual(['/organizations?limit=5&offset=0']);
});

test('toArray needs an explicit cap and rejects instead of truncating', async () => {
  const pager = client.organizations.paginateOrganizations({ limit: 7 });
  await expect(pager.toArray({ max: 100 })).resolves.toHaveLength(25);
  const over = await pager.toArray({ max: 24 }).catch((e) => e);
  expect(over).toBeInstanceOf(sdk.WachtError);
  expect(over.code).toBe('too_many_items');
  const uncapped = await pager.toArray().catch((e) => e);
  expect(uncapped).toBeInstanceOf(sdk.ValidationError);
  expect(uncapped.param).toBe('options.max');
});

test('members of an organization, across pages', async () => {
  const org = await client.organizations.createOrganization({ name: 'Team' });
  const users = [];
  for (let i = 0; i < 5; i++) users.push(await emulator.createUser({ first_name: `U${i}`, last_name: 'X' }));
  for (const u of users) await client.organizations.addOrganizationMember(org.id, { user_id: u.id, role_ids: [] });
  const members = await client.organizations.paginateOrganizationMembers(org.id, { limit: 2 }).toArray({ max: 10 });
  expect(members.map((m) => m.user_id).sort()).toEqual(users.map((u) => u.id).sort());
});

test('the list methods still return a single page', async () => {
  const page = await client.organizations.listOrganizations();
  expect(page.data).toHaveLength(10);
  expect(page.has_more).toBe(true);
});

test('bad pagination options are refused up front', () => {
  expect(() => client.organizations.paginateOrganizations({ limit: 0 })).toThrow(/options.limit/);
  expect(() => client.organizations.paginateOrganizationMembers('..')).toThrow(sdk.ValidationError);
});
