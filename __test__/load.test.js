'use strict';
// Load and lifecycle: many concurrent calls settle, long runs keep memory flat, a Rust
// panic rejects a promise without killing Node, and Node exits on its own after the last
// call. Memory bounds are loose on purpose: they catch leaks of a call's body, not noise.

const path = require('path');
const { spawnSync } = require('child_process');
const sdk = require('../index.js');
const native = require('../lib/native.js');
const { startEmulator } = require('../testing.js');

let emulator;
let client;
beforeAll(async () => {
  emulator = await startEmulator();
  client = new sdk.WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
});
afterAll(() => emulator.close());

test('10,000 concurrent calls all settle correctly', async () => {
  const org = await client.organizations.createOrganization({ name: 'Busy', public_metadata: { n: 1 } });
  const results = await Promise.allSettled(
    Array.from({ length: 10000 }, (_, i) =>
      i % 10 === 0 ? client.organizations.getOrganization(`${i}`) : client.organizations.getOrganization(org.id),
    ),
  );
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r) => r.status === 'rejected');
  expect(fulfilled).toHaveLength(9000);
  expect(fulfilled.every((r) => r.value.id === org.id && r.value.public_metadata.n === 1)).toBe(true);
  expect(rejected).toHaveLength(1000);
  expect(rejected.every((r) => r.reason instanceof sdk.NotFoundError)).toBe(true);
}, 120000);

test('100,000 sequential calls keep memory flat', async () => {
  const org = await client.organizations.createOrganization({ name: 'Steady' });
  const sample = () => {
    global.gc?.();
    return process.memoryUsage().rss;
  };
  for (let i = 0; i < 5000; i++) await client.organizations.getOrganization(org.id);
  const start = sample();
  let peak = start;
  for (let i = 0; i < 95000; i++) {
    await client.organizations.getOrganization(org.id);
    if (i % 10000 === 0) peak = Math.max(peak, sample());
  }
  const growthMb = (Math.max(peak, sample()) - start) / 1024 / 1024;
  console.log(`RSS growth over 95,000 calls: ${growthMb.toFixed(1)} MB`);
  expect(growthMb).toBeLessThan(60);
}, 300000);

test('a panic in Rust rejects the promise and the process survives', async () => {
  await expect(native.__panicForTests()).rejects.toThrow(/deliberate panic/);
  await expect(client.organizations.listOrganizations()).resolves.toHaveProperty('data');
});

test('Node exits on its own after the last call (nothing native holds the event loop)', () => {
  const script = `
    const { WachtClient } = require(${JSON.stringify(path.join(__dirname, '..', 'index.js'))});
    const { startEmulator } = require(${JSON.stringify(path.join(__dirname, '..', 'testing.js'))});
    (async () => {
      const emulator = await startEmulator();
      const hooks = { onResponse() {} };
      const viaFetch = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, fetch, hooks });
      const native = new WachtClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, hooks, logger: { warn() {}, debug() {} } });
      await viaFetch.organizations.listOrganizations();
      await native.organizations.listOrganizations();
      await emulator.close();
      console.log('done');
    })();
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('done');
  expect(run.signal).toBeNull(); // not killed by the timeout: it exited by itself
  expect(run.status).toBe(0);
}, 30000);
