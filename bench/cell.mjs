// One benchmark cell in a fresh Node process: one client, one workload, one concurrency.
//   node bench/cell.mjs <client> <workload> <concurrency> <durationMs> [warmupMs] [W N]
// With W and N (request counts), the cell is counted instead of timed: W warmup requests,
// then exactly N measured ones (used for addOrganizationMember, whose server cost grows with
// the number of members added: a fixed count gives every client the same server work).
// The server description (JSON printed by server.mjs) comes in env BENCH_SERVER.
// `concurrency` async loops each await one request at a time. After the warmup, counters
// are taken over exactly `durationMs`; requests still in flight at the end are not counted.
// Prints one JSON line: rps, latency p50/p99 (ms), CPU µs/request (whole process, so the
// native client's Rust threads count too), event-loop busy µs/request, RSS at the end (MB).
import { performance } from 'node:perf_hooks';
import { makeClient } from './clients.mjs';
import { percentile } from './stats.mjs';

const [client, workload, concArg, durArg, warmArg] = process.argv.slice(2);
const concurrency = Number(concArg);
const durationMs = Number(durArg);
const warmupMs = Number(warmArg ?? 500);
const countW = process.argv[7] !== undefined ? Number(process.argv[7]) : null;
const countN = process.argv[8] !== undefined ? Number(process.argv[8]) : null;
const counted = countW !== null && countN !== null;
const server = JSON.parse(process.env.BENCH_SERVER);

const ops = await makeClient(client, server);
const op = ops[workload];
if (!op) throw new Error(`unknown workload ${workload}`);

let next = 0;
// One request first, to fail loudly on a broken setup rather than measure errors.
const first = await op(next++);
if (first === null || typeof first !== 'object') throw new Error(`${client}.${workload} returned ${typeof first}`);

let phase = 0; // 0 warmup, 1 measuring, 2 stopping
let count = 0;
let errors = 0;
let lastError = null;
let lat = new Float64Array(1 << 16);

let issued = 0;
let completed = 0;
let startWindow, endWindow;

async function loop() {
  while (phase < 2) {
    if (counted && issued >= countW + countN) break;
    issued++;
    const i = next++;
    const t = performance.now();
    let failed = false;
    try {
      await op(i);
    } catch (err) {
      failed = true;
      lastError = err;
    }
    if (phase === 1) {
      if (failed) errors++;
      else {
        if (count === lat.length) {
          const bigger = new Float64Array(lat.length * 2);
          bigger.set(lat);
          lat = bigger;
        }
        lat[count++] = performance.now() - t;
      }
    }
    if (counted) {
      completed++;
      if (completed === countW) startWindow();
      else if (completed === countW + countN) endWindow();
    }
  }
}

let elu0, cpu0, t0, result;
let resolveDone;
const done = new Promise((resolve) => (resolveDone = resolve));
startWindow = () => {
  phase = 1;
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  elu0 = performance.eventLoopUtilization();
};
endWindow = () => {
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  const n = count;
  phase = 2;
  result = {
    client, workload, concurrency, durationMs: elapsedMs, mode: counted ? `counted ${countW}+${countN}` : 'timed',
    requests: n, errors,
    rps: (n / elapsedMs) * 1000,
    p50: percentile(lat, n, 50),
    p99: percentile(lat, n, 99),
    cpuUsPerReq: (cpu.user + cpu.system) / n,
    eluUsPerReq: (elu.active * 1000) / n,
    elu: elu.utilization,
    rssMB: process.memoryUsage().rss / 1048576,
    lastError: lastError ? String(lastError.message || lastError).slice(0, 300) : null,
  };
  resolveDone();
};
if (counted) {
  if (countW === 0) startWindow();
} else {
  setTimeout(() => {
    startWindow();
    setTimeout(endWindow, durationMs);
  }, warmupMs);
}

const loops = [];
for (let k = 0; k < concurrency; k++) loops.push(loop());
await done;
await Promise.all(loops);
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
