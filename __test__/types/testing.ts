// `@wacht/backend/testing` as a user's test suite uses it.
import { startEmulator, type Emulator, type FaultSpec } from '../../testing';
import { WachtClient } from '../../index';

async function suite(): Promise<void> {
  const emulator: Emulator = await startEmulator({ port: 0 });
  const client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  const user = await emulator.createUser({ first_name: 'Ada', email: 'ada@example.com' });
  const fault: FaultSpec = { method: 'GET', path: '/organizations', status: 503, times: 2, retryAfter: 1 };
  await emulator.injectFault(fault);
  const org = await client.organizations.createOrganization({ name: 'Acme' });
  await client.organizations.addOrganizationMember(org.id, { user_id: user.id, role_ids: [] });
  await emulator.reset();
  await emulator.close();
}
void suite;
