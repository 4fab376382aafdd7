'use strict';
// End to end: WachtClient against the real emulator over loopback HTTP. The documented
// flow, pagination, images, invitations, roles and the server's own errors.

const sdk = require('../index.js');
const { startEmulator } = require('../testing.js');

const { WachtClient } = sdk;
let emulator;
let client;
let users;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
});
beforeEach(async () => {
  await emulator.reset();
  users = await emulator.listUsers();
});
afterAll(() => emulator.close());

const png = () => new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' });

test('the documented flow, every call as written in the docs', async () => {
  const orgs = client.organizations;
  const listed = await orgs.listOrganizations({ limit: 100 });
  expect(listed).toEqual({ data: [], has_more: false, limit: 100, offset: 0 });

  const newOrg = await orgs.createOrganization({ name: 'Acme Corp', slug: 'acme-corp', created_by: users[0].id });
  expect(newOrg).toMatchObject({ name: 'Acme Corp', member_count: 0, public_metadata: {}, description: '' });
  expect(newOrg.id).toMatch(/^\d{17,19}$/);

  const details = await orgs.getOrganization(newOrg.id);
  expect(details.roles.map((r) => [r.name, r.is_deployment_level])).toEqual([['Admin', true], ['Member', true]]);
  expect(details.workspaces).toEqual([]);

  const updated = await orgs.updateOrganization(newOrg.id, { name: 'Acme Corporation Global', public_metadata: { tier: 'enterprise' } });
  expect(updated).toMatchObject({ name: 'Acme Corporation Global', public_metadata: { tier: 'enterprise' } });
  expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(newOrg.updated_at));

  const membership = await orgs.addOrganizationMember(newOrg.id, { user_id: users[0].id, role: 'org:admin' });
  expect(membership).toMatchObject({ organization_id: newOrg.id, user_id: users[0].id, first_name: users[0].first_name });
  expect(membership.roles.map((r) => r.name)).toEqual(['Admin']);

  const members = await orgs.listOrganizationMembers(newOrg.id);
  expect(members).toMatchObject({ has_more: false, limit: 20, offset: 0 });
  expect(members.data.map((m) => m.id)).toEqual([membership.id]);

  await expect(orgs.updateOrganizationMember(newOrg.id, membership.id, { role: 'org:member' })).resolves.toBeUndefined();
  const after = await orgs.listOrganizationMembers(newOrg.id);
  expect(after.data[0].roles.map((r) => r.name)).toEqual(['Member']);

  const role = await orgs.createOrganizationRole(newOrg.id, {
    name: 'Billing Manager',
    key: 'org:billing_manager',
    description: 'Can view and modify invoices',
    permissions: ['org:billing:read', 'org:billing:write'],
  });
  expect(role).toMatchObject({ name: 'Billing Manager', permissions: ['org:billing:read', 'org:billing:write'], is_deployment_level: false });
  expect(role).not.toHaveProperty('key');
  const roles = await orgs.listOrganizationRoles(newOrg.id);
  expect(roles.data.map((r) => r.name)).toEqual(['Admin', 'Member', 'Billing Manager']);
  expect(roles.has_more).toBe(false);

  expect((await orgs.getOrganization(newOrg.id)).member_count).toBe(1);
  await expect(orgs.removeOrganizationMember(newOrg.id, membership.id)).resolves.toBeUndefined();
  expect((await orgs.getOrganization(newOrg.id)).member_count).toBe(0);

  await expect(orgs.deleteOrganization(newOrg.id)).resolves.toBeUndefined();
  const gone = await orgs.getOrganization(newOrg.id).catch((e) => e);
  expect(gone).toBeInstanceOf(sdk.NotFoundError);
  expect(gone.message).toBe('Organization not found');
});

test('pagination, sorting and search across pages', async () => {
  for (let i = 0; i < 12; i++) {
    await client.organizations.createOrganization({ name: `Org ${String(i).padStart(2, '0')}` });
  }
  const first = await client.organizations.listOrganizations();
  expect(first.data).toHaveLength(10);
  expect(first).toMatchObject({ has_more: true, limit: 10, offset: 0 });
  const second = await client.organizations.listOrganizations({ offset: 10 });
  expect(second.data).toHaveLength(2);
  expect(second.has_more).toBe(false);
  const byName = await client.organizations.listOrganizations({ sort_key: 'name', sort_order: 'asc', limit: 3 });
  expect(byName.data.map((o) => o.name)).toEqual(['Org 00', 'Org 01', 'Org 02']);
  const found = await client.organizations.listOrganizations({ search: 'org 1' });
  expect(found.data.map((o) => o.name).sort()).toEqual(['Org 10', 'Org 11']);
});

test('server errors arrive as the official classes with the server message', async () => {
  const org = await client.organizations.createOrganization({ name: 'E' });
  await client.organizations.addOrganizationMember(org.id, { user_id: users[0].id, role_ids: [] });
  const dup = await client.organizations.addOrganizationMember(org.id, { user_id: users[0].id, role_ids: [] }).catch((e) => e);
  expect(dup).toBeInstanceOf(sdk.ValidationError);
  expect([dup.statusCode, dup.message]).toEqual([400, 'User is already a member of this organization']);
  expect(dup.details).toEqual({ errors: [{ message: 'User is already a member of this organization', code: 400 }] });

  await client.organizations.createOrganizationRole(org.id, { name: 'R', permissions: [] });
  const dupRole = await client.organizations.createOrganizationRole(org.id, { name: 'R', permissions: [] }).catch((e) => e);
  expect([dupRole.name, dupRole.message]).toEqual(['ValidationError', 'Role with this name already exists']);

  const unknownUser = await client.organizations.addOrganizationMember(org.id, { user_id: '1', role_ids: [] }).catch((e) => e);
  expect(unknownUser).toBeInstanceOf(sdk.NotFoundError);

  const wrongKey = new WachtClient({ apiKey: 'wrong', baseUrl: emulator.url });
  const unauth = await wrongKey.organizations.listOrganizations().catch((e) => e);
  expect(unauth).toBeInstanceOf(sdk.AuthenticationError);
  expect(unauth.statusCode).toBe(401);
});

test('images, workspaces and organization details', async () => {
  const org = await client.organizations.createOrganization({ name: 'Pics', organization_image: png() });
  expect(org.image_url).toMatch(/logo\.png$/);
  const cleared = await client.organizations.updateOrganization(org.id, { remove_image: true });
  expect(cleared.image_url).toBe('');
  const ws = await client.organizations.createWorkspaceForOrganization(org.id, {
    name: 'Engineering',
    description: 'builders',
    private_metadata: { cost_center: 7 },
    workspace_image: new File([Buffer.from('GIF89a')], 'w.gif', { type: 'image/gif' }),
  });
  expect(ws).toMatchObject({ name: 'Engineering', description: 'builders', private_metadata: { cost_center: 7 } });
  expect(ws.image_url).toMatch(/\.gif$/);
  const details = await client.organizations.getOrganization(org.id);
  expect(details.workspaces.map((w) => w.id)).toEqual([ws.id]);
});

test('member roles: assign, remove, and the role set', async () => {
  const org = await client.organizations.createOrganization({ name: 'Roles' });
  const role = await client.organizations.createOrganizationRole(org.id, { name: 'Auditor', permissions: ['audit:read'] });
  const m = await client.organizations.addOrganizationMember(org.id, { user_id: users[1].id, role_ids: [] });
  await client.organizations.assignOrganizationMemberRole(org.id, m.id, role.id);
  await client.organizations.assignOrganizationMemberRole(org.id, m.id, role.id); // idempotent
  let listed = await client.organizations.listOrganizationMembers(org.id);
  expect(listed.data[0].roles.map((r) => r.name)).toEqual(['Auditor']);
  await client.organizations.removeOrganizationMemberRole(org.id, m.id, role.id);
  listed = await client.organizations.listOrganizationMembers(org.id);
  expect(listed.data[0].roles).toEqual([]);
  const missing = await client.organizations.removeOrganizationMemberRole(org.id, m.id, role.id).catch((e) => e);
  expect(missing).toBeInstanceOf(sdk.NotFoundError);

  const renamed = await client.organizations.updateOrganizationRole(org.id, role.id, { name: 'Auditor II' });
  expect(renamed.name).toBe('Auditor II');
  await client.organizations.deleteOrganizationRole(org.id, role.id);
  const roles = await client.organizations.listOrganizationRoles(org.id);
  expect(roles.data.map((r) => r.name)).toEqual(['Admin', 'Member']);
});

test('invitations: create, list, duplicate 409, discard twice 404', async () => {
  const org = await client.organizations.createOrganization({ name: 'Invites' });
  const inv = await client.organizations.createOrganizationInvitation(org.id, { email: '  New@Example.com ', expiry_days: 3 });
  expect(inv).toMatchObject({ email: 'new@example.com', organization_id: org.id, organization_name: 'Invites' });
  expect(inv.token).toMatch(/^org\.[0-9a-f]{64}$/);
  const dup = await client.organizations.createOrganizationInvitation(org.id, { email: 'new@example.com' }).catch((e) => e);
  expect(dup).toBeInstanceOf(sdk.ConflictError);
  expect(dup.message).toBe('an invitation for this email is already pending');

  const listed = await client.organizations.listOrganizationInvitations(org.id);
  expect(listed.data.map((i) => i.id)).toEqual([inv.id]);
  expect(listed.data[0].expired).toBe(false);

  await client.organizations.discardOrganizationInvitation(org.id, inv.id);
  const again = await client.organizations.discardOrganizationInvitation(org.id, inv.id).catch((e) => e);
  expect(again).toBeInstanceOf(sdk.NotFoundError);
  expect((await client.organizations.listOrganizationInvitations(org.id)).data).toEqual([]);
  expect((await client.organizations.listOrganizationInvitations(org.id, { include_deleted: true })).data).toHaveLength(1);
});

test('the global client and the organizations namespace', async () => {
  const { organizations, initClient, getClient, isClientInitialized, createClientStore } = sdk;
  const store = createClientStore();
  const named = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, name: 'main', store });
  expect(store.get('main')).toBe(named);
  expect(store.list()).toEqual(['main']);

  const org = await organizations.createOrganization({ name: 'Via namespace' }, named);
  // A client passed in the options slot is recognized, not mistaken for the options.
  const listed = await organizations.listOrganizations(named);
  expect(listed.data.map((o) => o.id)).toEqual([org.id]);

  initClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  expect(isClientInitialized()).toBe(true);
  expect(getClient()).toBeInstanceOf(WachtClient);
  const viaGlobal = await organizations.getOrganization(org.id);
  expect(viaGlobal.name).toBe('Via namespace');
});

test('many concurrent calls all settle correctly', async () => {
  const created = await Promise.all(
    Array.from({ length: 200 }, (_, i) => client.organizations.createOrganization({ name: `C${i}` })),
  );
  expect(new Set(created.map((o) => o.id)).size).toBe(200);
  const fetched = await Promise.all(created.map((o) => client.organizations.getOrganization(o.id)));
  expect(fetched.map((o) => o.name)).toEqual(created.map((o) => o.name));
});
