// ESM consumer: the README's Usage snippet against the in-process emulator.
import { WachtClient, NotFoundError } from '@wacht/backend';
import { startEmulator } from '@wacht/backend/testing';
import assert from 'node:assert/strict';

const emulator = await startEmulator();
try {
  const client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  const org = await client.organizations.createOrganization({ name: 'Acme Corp' });
  assert.equal(typeof org.id, 'string');
  const got = await client.organizations.getOrganization(org.id);
  assert.equal(got.name, 'Acme Corp');
  assert.equal(await client.organizations.deleteOrganization(org.id), undefined);
  await assert.rejects(client.organizations.getOrganization(org.id), (err) => err instanceof NotFoundError && err.statusCode === 404);
  console.log(`esm: created, got, deleted ${org.id}; NotFoundError after delete`);
} finally {
  await emulator.close();
}
