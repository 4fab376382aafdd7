// Every snippet of organizations-api.txt, as written, must compile under --strict; the
// lines marked @ts-expect-error must not (they fail the build if they ever compile).
import {
  WachtClient,
  NotFoundError,
  WachtError,
  organizations,
  initClient,
  getClient,
  isClientInitialized,
  createClientStore,
  type Organization,
  type OrganizationDetails,
  type OrganizationMember,
  type OrganizationRole,
  type PaginatedResponse,
  type RequestEvent,
} from '../../index';

declare const process: { env: Record<string, string | undefined> };

async function documentedFlow(): Promise<void> {
  const client = new WachtClient({ apiKey: process.env.WACHT_API_KEY! });

  const response = await client.organizations.listOrganizations({ limit: 100 });
  console.log(response.data);
  const first: Organization | undefined = response.data[0];

  const org: OrganizationDetails = await client.organizations.getOrganization('org_abc123');

  const newOrg: Organization = await client.organizations.createOrganization({
    name: 'Acme Corp',
    slug: 'acme-corp',
    created_by: 'usr_xyz789', // The founder's ID
  });

  const updatedOrg: Organization = await client.organizations.updateOrganization('org_abc123', {
    name: 'Acme Corporation Global',
    public_metadata: { tier: 'enterprise' },
  });

  await client.organizations.deleteOrganization('org_abc123');

  const members: PaginatedResponse<OrganizationMember> = await client.organizations.listOrganizationMembers('org_abc123');

  const membership: OrganizationMember = await client.organizations.addOrganizationMember('org_abc123', {
    user_id: 'usr_xyz789',
    role: 'org:admin',
  });

  await client.organizations.updateOrganizationMember('org_abc123', 'mem_123', {
    role: 'org:member',
  });

  await client.organizations.removeOrganizationMember('org_abc123', 'mem_123');

  const roles: PaginatedResponse<OrganizationRole> = await client.organizations.listOrganizationRoles('org_abc123');
  const role: OrganizationRole = await client.organizations.createOrganizationRole('org_abc123', {
    name: 'Billing Manager',
    key: 'org:billing_manager',
    description: 'Can view and modify invoices',
    permissions: ['org:billing:read', 'org:billing:write'],
  });
  await client.organizations.updateOrganizationRole('org_abc123', role.id, { name: 'Billing' });
  await client.organizations.deleteOrganizationRole('org_abc123', role.id);
  void [first, org, newOrg, updatedOrg, members, membership, roles];
}

async function officialShapesAndExtras(): Promise<void> {
  const client = new WachtClient({
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:8787',
    timeout: 5000,
    headers: { 'X-Tenant': 't' },
    name: 'main',
    store: createClientStore(),
    fetch: globalThis.fetch,
    maxRetries: 3,
    totalTimeout: 20000,
    hooks: { onRetry: (e: RequestEvent) => console.log(e.delayMs) },
    logger: console,
  });
  await client.organizations.addOrganizationMember('1', { user_id: '2', role_ids: ['3'] });
  await client.organizations.createOrganization({ name: 'x', organization_image: new Blob([]) });
  await client.organizations.createOrganization({ name: 'x', organization_image: new Uint8Array(3) });
  await client.organizations.assignOrganizationMemberRole('1', '2', '3');
  await client.organizations.removeOrganizationMemberRole('1', '2', '3');
  await client.organizations.createWorkspaceForOrganization('1', { name: 'w' });
  const inv = await client.organizations.createOrganizationInvitation('1', { email: 'a@b.c', expiry_days: 3 });
  const token: string = inv.token;
  await client.organizations.listOrganizationInvitations('1', { include_deleted: true });
  await client.organizations.discardOrganizationInvitation('1', inv.id);
  await client.organizations.getOrganization('1', { signal: AbortSignal.timeout(1000), timeout: 500, idempotencyKey: 'k' });

  for await (const o of client.organizations.paginateOrganizations({ limit: 50 })) console.log(o.name);
  const everyone: OrganizationMember[] = await client.organizations.paginateOrganizationMembers('1').toArray({ max: 1000 });
  for await (const page of client.organizations.paginateOrganizations().pages()) console.log(page.has_more);
  // @ts-expect-error toArray needs an explicit cap
  await client.organizations.paginateOrganizations().toArray();
  void everyone;

  await client.organizations.getOrganization('1', new WachtClient({ apiKey: 'other' }));

  await organizations.getOrganization('1', client);
  await organizations.listOrganizations({ limit: 1 }, client, { maxRetries: 0 });
  initClient({ apiKey: 'k' });
  const g: WachtClient = getClient();
  const b: boolean = isClientInitialized();

  try {
    await client.organizations.getOrganization('1');
  } catch (err) {
    if (err instanceof NotFoundError) {
      const status: number | undefined = err.statusCode;
      void status;
    }
    if (err instanceof WachtError && err.code === 'timeout') console.log(err.attempts);
  }

  // @ts-expect-error name is required
  await client.organizations.createOrganization({});
  // @ts-expect-error sort_order is 'asc' | 'desc'
  await client.organizations.listOrganizations({ sort_order: 'up' });
  // @ts-expect-error the id is a string
  await client.organizations.getOrganization(42);
  // @ts-expect-error unknown request option
  await client.organizations.getOrganization('1', { retries: 3 });
  // @ts-expect-error apiKey is required
  new WachtClient({});
  void [token, g, b];
}

void documentedFlow;
void officialShapesAndExtras;
