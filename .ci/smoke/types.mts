// TypeScript consumer: the README's Usage snippet and the testing entry, type-checked with
// `tsc --strict --noEmit` under moduleResolution node16 and bundler.
import { WachtClient, NotFoundError, type Organization, type OrganizationDetails, type PaginatedResponse } from '@wacht/backend';
import { startEmulator, type Emulator } from '@wacht/backend/testing';

export async function documented(): Promise<void> {
  const client = new WachtClient({ apiKey: process.env.WACHT_API_KEY ?? '' });

  const { data } = await client.organizations.listOrganizations({ limit: 100 });
  const page: Organization[] = data;
  const org = await client.organizations.createOrganization({ name: 'Acme Corp' });
  await client.organizations.updateOrganization(org.id, { public_metadata: { tier: 'enterprise' } });

  try {
    const details: OrganizationDetails = await client.organizations.getOrganization('78855599554805487', { timeout: 5000 });
    void details;
  } catch (err) {
    if (err instanceof NotFoundError) console.log(err.statusCode, err.message); // 404 "Organization not found"
  }
  void page;
}

export async function withEmulator(): Promise<void> {
  const emulator: Emulator = await startEmulator({ port: 0 });
  const client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  const list: PaginatedResponse<Organization> = await client.organizations.listOrganizations();
  const [user] = await emulator.listUsers();
  if (user) {
    const org = await client.organizations.createOrganization({ name: 'Acme', created_by: user.id });
    await client.organizations.addOrganizationMember(org.id, { user_id: user.id, role: 'org:admin' });
  }
  await emulator.close();
  void list;
}

// @ts-expect-error: name is required by createOrganization
export const wrong = (c: WachtClient) => c.organizations.createOrganization({});
