// RSS across many sequential getOrganization calls with one client (default: native).
//   node bench/rss.mjs [calls=100000] [client=native]     (env BENCH_SERVER)
// Samples RSS every 1% of the calls. "start" is after the first 1% (warm: pools, JIT).
import { makeClient } from './clients.mjs';

const calls = Number(process.argv[2] ?? 100000);
const client = process.argv[3] ?? 'native';
const server = JSON.parse(process.env.BENCH_SERVER);
const ops = await makeClient(client, server);
const step = Math.max(1, Math.floor(calls / 100));
const samples = [];
const mb = () => process.memoryUsage().rss / 1048576;
const t = Date.now();
const rss0 = mb();
for (let i = 0; i < calls; i++) {
  await ops.getOrganization(i);
  if ((i + 1) % step === 0) samples.push(Math.round(mb() * 10) / 10);
}
const start = samples[0];
const end = samples[samples.length - 1];
process.stdout.write(JSON.stringify({
  client, calls, seconds: (Date.now() - t) / 1000,
  beforeMB: rss0, startMB: start, endMB: end, maxMB: Math.max(...samples), minMB: Math.min(...samples),
  growthMB: end - start, heapUsedMB: process.memoryUsage().heapUsed / 1048576, samples,
}) + '\n');
process.exit(0);
