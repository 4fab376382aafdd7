// The documented flow of the Organizations API (organizations-api.txt), run end to end
// through WachtClient against the embedded emulator: `npm run demo`.
//
// In your own code, import from '@wacht/backend' and '@wacht/backend/testing'.
import { WachtClient, NotFoundError } from '../index.mjs';
import { startEmulator } from '../testing.mjs';

const emulator = await startEmulator();
const client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });

let n = 0;
async function step(title, run) {
  n += 1;
  const result = await run();
  const shown = result === undefined ? 'ok' : JSON.stringify(result, null, 2).split('\n').slice(0, 12).join('\n    ');
  console.log(`${String(n).padStart(2)}. ${title}\n    ${shown}\n`);
  return result;
}

try {
  console.log(`Wacht emulator at ${emulator.url}\n`);
  const [founder, second] = await emulator.listUsers();

  await step('listOrganizations({ limit: 100 })', async () => (await client.organizations.listOrganizations({ limit: 100 })).data);

  const org = await step('createOrganization({ name, slug, created_by })', () =>
    client.organizations.createOrganization({ name: 'Acme Corp', slug: 'acme-corp', created_by: founder.id }),
  );

  await step('getOrganization(id)', async () => {
    const details = await client.organizations.getOrganization(org.id);
    return { id: details.id, name: details.name, roles: details.roles.map((r) => r.name) };
  });

  await step('updateOrganization(id, { name, public_metadata })', () =>
    client.organizations.updateOrganization(org.id, { name: 'Acme Corporation Global', public_metadata: { tier: 'enterprise' } }),
  );

  const membership = await step('addOrganizationMember(id, { user_id, role: "org:admin" })', async () => {
    const m = await client.organizations.addOrganizationMember(org.id, { user_id: founder.id, role: 'org:admin' });
    return { id: m.id, user: `${m.first_name} ${m.last_name}`, roles: m.roles.map((r) => r.name) };
  });
  await client.organizations.addOrganizationMember(org.id, { user_id: second.id, role_ids: [] });

  await step('listOrganizationMembers(id)', async () =>
    (await client.organizations.listOrganizationMembers(org.id)).data.map((m) => `${m.first_name} ${m.last_name}: ${m.roles.map((r) => r.name).join(', ') || '(no roles)'}`),
  );

  await step('updateOrganizationMember(id, memberId, { role: "org:member" })', () =>
    client.organizations.updateOrganizationMember(org.id, membership.id, { role: 'org:member' }),
  );

  await step('createOrganizationRole(id, { name, key, description, permissions })', () =>
    client.organizations.createOrganizationRole(org.id, {
      name: 'Billing Manager',
      key: 'org:billing_manager',
      description: 'Can view and modify invoices',
      permissions: ['org:billing:read', 'org:billing:write'],
    }),
  );

  await step('listOrganizationRoles(id)', async () => (await client.organizations.listOrganizationRoles(org.id)).data.map((r) => r.name));

  await step('removeOrganizationMember(id, memberId)', () => client.organizations.removeOrganizationMember(org.id, membership.id));

  await step('deleteOrganization(id)', () => client.organizations.deleteOrganization(org.id));

  await step('getOrganization(id) after delete', async () => {
    try {
      await client.organizations.getOrganization(org.id);
      return 'unexpectedly found';
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return `${err.name} ${err.statusCode}: ${err.message}`;
    }
  });
  console.log('The documented flow ran end to end.');
} finally {
  await emulator.close();
}
