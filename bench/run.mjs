// `npm run bench`: official @wacht/backend vs this package vs raw undici, against the local
// emulator run in a separate child process; every cell in its own fresh Node process.
//
//   node bench/run.mjs [--quick] [--reps N] [--duration ms] [--warmup ms]
//                      [--workloads a,b] [--concurrency 1,16,256] [--clients official,native,raw]
//                      [--native path/to/wacht.*.node] [--rss-calls N] [--no-capacity] [--no-extras]
//                      [--out dir]
// Writes <out>/latest.md, latest.json, throughput.svg (default out: bench/results).
import { mkdirSync, writeFileSync, readFileSync, statSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BENCH_DIR, runJson, startServer } from './child.mjs';
import { CLIENTS, WORKLOADS } from './clients.mjs';
import { aggregate } from './aggregate.mjs';
import { renderMarkdown } from './report.mjs';
import { renderSvg } from './chart.mjs';
import { machine } from './machine.mjs';
import { summary } from './stats.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(BENCH_DIR, '..');
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(`--${n}`);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

const quick = flag('quick');
const config = {
  reps: Number(opt('reps', quick ? 1 : 3)),
  durationMs: Number(opt('duration', quick ? 1000 : 3000)),
  warmupMs: Number(opt('warmup', quick ? 300 : 500)),
  workloads: list(opt('workloads', WORKLOADS.join(','))),
  concurrencies: list(opt('concurrency', '1,16,256')).map(Number),
  clients: list(opt('clients', CLIENTS.join(','))),
  rssCalls: Number(opt('rss-calls', quick ? 20000 : 100000)),
  capacity: !flag('no-capacity'),
  extras: !flag('no-extras'),
  orgs: 120,
  users: 2000,
  loadTimeRuns: quick ? 3 : 7,
  // addOrganizationMember is counted (W warmup + N measured requests), not timed: see notes.
  memberWarmup: Number(opt('member-warmup', quick ? 300 : 1000)),
  memberRequests: Number(opt('member-requests', quick ? 2000 : 8000)),
};
const outDir = path.resolve(opt('out', path.join(BENCH_DIR, 'results')));

// The native binary: --native, else NAPI_RS_NATIVE_LIBRARY_PATH, else the one `npm run build` put in the repo.
const nativeArg = opt('native', process.env.NAPI_RS_NATIVE_LIBRARY_PATH);
const childEnv = {};
if (nativeArg) childEnv.NAPI_RS_NATIVE_LIBRARY_PATH = path.resolve(nativeArg);
const nativePath = childEnv.NAPI_RS_NATIVE_LIBRARY_PATH || path.join(ROOT, `wacht.${process.platform}-${process.arch}-gnu.node`);
let nativeBinary = nativePath;
if (existsSync(nativePath)) {
  const st = statSync(nativePath);
  nativeBinary = `${path.relative(ROOT, nativePath) || nativePath} (${(st.size / 1048576).toFixed(1)} MB, built ${st.mtime.toISOString()})`;
  if (st.size > 40 * 1048576) console.warn(`warning: ${nativePath} is ${(st.size / 1048576).toFixed(0)} MB: a debug build? Run \`npm run build\` (release) first.`);
}

function git() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'crates', 'lib', 'index.js', 'Cargo.toml'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n').filter((l) => l.trim()).map((l) => l.slice(3));
    return dirty.length ? `${head} (+ uncommitted changes in ${dirty.join(', ')})` : head;
  } catch {
    return 'unknown';
  }
}
const pkgVersion = (p) => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

const countArgs = (w) => (w === 'addOrganizationMember' ? [String(config.memberWarmup), String(config.memberRequests)] : []);
const isWrite = (w) => w === 'createOrganization' || w === 'addOrganizationMember';
const serverArgs = (w) => ['--orgs', String(config.orgs), '--users', w === 'addOrganizationMember' ? String(config.users) : '0'];
const log = (...a) => console.error(...a);
const t0 = Date.now();
const machineAtStart = machine();
const raw = { cells: [], capacity: [] };

const nCells = config.reps * config.workloads.length * config.concurrencies.length * config.clients.length;
let done = 0;
log(`bench: ${nCells} cells of ${config.warmupMs}+${config.durationMs} ms; native binary ${nativeBinary}`);

for (let rep = 1; rep <= config.reps; rep++) {
  // Rotate the client order each repetition so no client always runs first or last.
  const clients = config.clients.map((_, i, a) => a[(i + rep - 1) % a.length]);
  for (const w of config.workloads) {
    // Read workloads share one server (state does not change); write workloads get a fresh,
    // identically seeded server per cell, so every client starts from the same state.
    let shared = isWrite(w) ? null : await startServer(serverArgs(w), childEnv);
    try {
      for (const c of config.concurrencies) {
        if (config.capacity) {
          const s = shared || (await startServer(serverArgs(w), childEnv));
          try {
            const r = await runJson('capacity.mjs', [w, String(c), String(config.durationMs), String(config.warmupMs), ...countArgs(w)], { env: { BENCH_SERVER: JSON.stringify(s.info) } });
            raw.capacity.push({ ...r, rep });
            if (r.available) log(`  rep ${rep} ${w} c=${c} server(wrk): ${Math.round(r.rps)} req/s${r.errors ? `, ${r.errors} errors` : ''}`);
          } finally {
            if (!shared) await s.stop();
          }
        }
        for (const cl of clients) {
          const s = shared || (await startServer(serverArgs(w), childEnv));
          try {
            const r = await runJson('cell.mjs', [cl, w, String(c), String(config.durationMs), String(config.warmupMs), ...countArgs(w)], {
              env: { ...childEnv, BENCH_SERVER: JSON.stringify(s.info) },
              timeoutMs: config.durationMs + config.warmupMs + 180000,
            });
            raw.cells.push({ ...r, rep });
            log(`  [${++done}/${nCells}] rep ${rep} ${w} c=${c} ${cl}: ${Math.round(r.rps)} req/s, p50 ${r.p50?.toFixed(2)} ms, ELU ${r.eluUsPerReq.toFixed(1)} µs/req${r.errors ? `, ${r.errors} errors` : ''}`);
          } catch (err) {
            log(`  [${++done}/${nCells}] rep ${rep} ${w} c=${c} ${cl}: FAILED ${err.message.slice(0, 500)}`);
            raw.cells.push({ client: cl, workload: w, concurrency: c, rep, failed: String(err.message).slice(0, 1000), rps: null, errors: 1 });
          } finally {
            if (!shared) await s.stop();
          }
        }
      }
    } finally {
      if (shared) await shared.stop();
    }
  }
}

let parse = null;
let rss = null;
let loadTime = null;
if (config.extras) {
  log('extras: JSON.parse cost, RSS over sequential calls, module load time');
  const s = await startServer(serverArgs('addOrganizationMember'), childEnv);
  try {
    const env = { ...childEnv, BENCH_SERVER: JSON.stringify(s.info) };
    parse = await runJson('parsecost.mjs', [], { env });
    rss = await runJson('rss.mjs', [String(config.rssCalls), 'native'], { env, timeoutMs: 600000 });
    log(`  RSS native over ${rss.calls} calls: start ${rss.startMB.toFixed(1)} MB, end ${rss.endMB.toFixed(1)} MB, max ${rss.maxMB.toFixed(1)} MB`);
  } finally {
    await s.stop();
  }
  const times = { native: [], 'native-esm': [], official: [] };
  for (let i = 0; i < config.loadTimeRuns; i++) {
    for (const k of Object.keys(times)) times[k].push((await runJson('loadtime.mjs', [k], { env: childEnv })).ms);
  }
  loadTime = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summary(v)]));
  log(`  load time: ${Object.entries(loadTime).map(([k, s]) => `${k} ${s.median.toFixed(1)} ms`).join(', ')}`);
}

const notes = [
  'Server: the emulator from `testing.js` (Rust, hyper + axum, in-memory), started by `bench/server.mjs` in its own Node process and seeded with ' +
    `${config.orgs} organizations with small public/private metadata (a 100-item page is ~25 KB) and, for addOrganizationMember, ${config.users} users. ` +
    'Read workloads (getOrganization, listOrganizations) share one server per repetition across all clients and concurrencies; write workloads get a fresh, identically seeded server per cell, so each client starts from the same state.',
  'Clients: `official` = `wacht-backend-official` (npm alias of @wacht/backend ' + pkgVersion('wacht-backend-official') + ', global fetch); `native` = this package via `require(\'../index.js\')`; ' +
    '`raw` = undici ' + pkgVersion('undici') + ' `request()` + `body.text()` + `JSON.parse` (multipart as a prebuilt string body): the floor for a Node client. All keep connections alive; none retries in these runs (no errors).',
  'Concurrency N = N async loops in one process, each awaiting one request at a time. Counters cover exactly the measured window after the warmup; requests in flight at its end are not counted.',
  'CPU µs/req = `process.cpuUsage()` delta (user + system, every thread of the process: the native client\'s Rust/tokio threads included) / requests. ' +
    'ELU µs/req = `performance.eventLoopUtilization()` active time in the window / requests: main-thread time the call costs the application. RSS = at the end of the window.',
  'createOrganization: multipart `{name, description}`; each request creates a new organization. addOrganizationMember: JSON `{user_id, role_ids}`; request i adds user (i mod U) to org (i div U mod 120): every request is a distinct, successful add (no duplicate-member 400s). ' +
    `The emulator checks for a duplicate by scanning every member, so its cost per add grows with the members added so far; a timed cell would make a faster client pay more. So this workload is counted, not timed: ${config.memberWarmup} warmup adds, then exactly ${config.memberRequests} measured adds, on a fresh server, for every client and for wrk (timed inside wrk's Lua): identical server work for all.`,
  'Server capacity: `wrk -t1 -c<N>` (one native load-generator thread; the machine has ' + machine().cores + ' cores shared by server and load generator, as in the client cells) sending the same request bytes, with its own 1 s warmup. ' +
    '"% of server" = client req/s / wrk req/s at the same concurrency.',
  'JSON.parse µs: the fastest of ~300 ms of 200-parse batches of the same response body, in a separate process.',
  'This machine is shared with other work (2 cores): absolute numbers move between runs; ratios within one run (clients of a repetition run back to back, order rotated per repetition) are what to compare.',
];

const results = {
  meta: {
    machine: machineAtStart,
    loadavgEnd: machine().loadavg,
    git: git(),
    nativeBinary,
    officialVersion: pkgVersion('wacht-backend-official'),
    undiciVersion: pkgVersion('undici'),
    elapsedMs: Date.now() - t0,
  },
  config,
  agg: aggregate(raw, config),
  parse,
  rss,
  loadTime,
  notes,
  raw,
};

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(path.join(outDir, 'latest.md'), renderMarkdown(results));
const chartConc = config.concurrencies.includes(16) ? 16 : config.concurrencies[0];
writeFileSync(path.join(outDir, 'throughput.svg'), renderSvg(results.agg, { workloads: config.workloads, clients: config.clients, concurrency: chartConc }));
log(`bench: done in ${(results.meta.elapsedMs / 60000).toFixed(1)} min; wrote ${path.relative(process.cwd(), outDir) || outDir}/latest.{md,json} and throughput.svg`);
