'use strict';
// The README's "In your Jest suite" example, verbatim but for the import paths: it must
// keep working as documented.
const { startEmulator } = require('../testing.js');
const { WachtClient } = require('../index.js');

let emulator, client;
beforeAll(async () => {
  emulator = await startEmulator();
  client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
});
afterEach(() => emulator.reset());
afterAll(() => emulator.close());

test('adds a member', async () => {
  const [ada] = await emulator.listUsers();
  const org = await client.organizations.createOrganization({ name: 'Acme' });
  const member = await client.organizations.addOrganizationMember(org.id, { user_id: ada.id, role: 'org:admin' });
  expect(member.roles[0].name).toBe('Admin');
});

test('surfaces outages', async () => {
  await emulator.injectFault({ path: '/organizations/*', status: 503, times: 3 });
  await expect(client.organizations.getOrganization('1')).rejects.toMatchObject({ statusCode: 503, attempts: 3 });
});
