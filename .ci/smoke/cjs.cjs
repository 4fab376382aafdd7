// CommonJS consumer: the same flow through require(), and the binary comes from the
// platform package (the root tarball ships no .node file).
const { WachtClient, NotFoundError } = require('@wacht/backend');
const { startEmulator } = require('@wacht/backend/testing');
const assert = require('node:assert/strict');
const path = require('node:path');

async function main() {
  const platformPkg = require.resolve('@wacht/backend-linux-x64-gnu');
  assert.ok(platformPkg.includes(path.join('node_modules', '@wacht', 'backend-linux-x64-gnu')), platformPkg);
  assert.equal(require('@wacht/backend/package.json').name, '@wacht/backend');
  const emulator = await startEmulator();
  try {
    const client = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    const org = await client.organizations.createOrganization({ name: 'Acme Corp' });
    const got = await client.organizations.getOrganization(org.id);
    assert.equal(got.id, org.id);
    await client.organizations.deleteOrganization(org.id);
    await assert.rejects(client.organizations.getOrganization(org.id), (err) => err instanceof NotFoundError && err.statusCode === 404);
    console.log(`cjs: created, got, deleted ${org.id}; NotFoundError after delete; binary from ${path.dirname(platformPkg)}`);
  } finally {
    await emulator.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
