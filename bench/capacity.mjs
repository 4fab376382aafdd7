// Server capacity: wrk (a native C load generator, one thread) sends the same requests as the
// clients to the same kind of server. Prints one JSON line per call.
//   node bench/capacity.mjs <workload> <concurrency> <durationMs> [warmupMs] [W N]   (env BENCH_SERVER)
// With W and N it is counted like the client cells: the rate over responses W..W+N, timed
// inside wrk's Lua (LuaJIT ffi clock_gettime), then wrk stops.
// Without wrk on PATH it prints { available: false }.
import { execFileSync, spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { orgRequest } from './clients.mjs';

const [workload, concArg, durArg, warmArg] = process.argv.slice(2);
const concurrency = Number(concArg);
const durationMs = Number(durArg);
const warmupMs = Number(warmArg ?? 500);
const countW = process.argv[6] !== undefined ? Number(process.argv[6]) : null;
const countN = process.argv[7] !== undefined ? Number(process.argv[7]) : null;
const counted = countW !== null && countN !== null;
const server = JSON.parse(process.env.BENCH_SERVER);

function hasWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    return err.status !== undefined && err.code !== 'ENOENT'; // wrk --version exits 1
  }
}
if (!hasWrk()) {
  process.stdout.write(JSON.stringify({ workload, concurrency, available: false }) + '\n');
  process.exit(0);
}

const lua = (s) => JSON.stringify(s); // a JSON string is a valid Lua string literal for ASCII
const auth = `Bearer ${server.apiKey}`;
const boundary = '----wachtbenchboundary7MA4YWxkTrZu0gW';
const field = (n, v) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;

let requestFn;
if (workload === 'getOrganization') {
  requestFn = `local req = wrk.format("GET", ${lua(`/organizations/${server.orgId}`)})
request = function() return req end`;
} else if (workload === 'listOrganizations') {
  requestFn = `local req = wrk.format("GET", "/organizations?limit=100")
request = function() return req end`;
} else if (workload === 'createOrganization') {
  const r = orgRequest(0);
  const body = field('name', r.name) + field('description', r.description) + `--${boundary}--\r\n`;
  requestFn = `local req = wrk.format("POST", "/organizations", hdrs(${lua(`multipart/form-data; boundary=${boundary}`)}), ${lua(body)})
request = function() return req end`;
} else if (workload === 'addOrganizationMember') {
  // Same unique (org, user) sequence as the clients; the counter starts at START (a fresh
  // server per measurement, so 0 works; the warmup run passes an offset).
  requestFn = `local orgs = { ${server.orgIds.map(lua).join(', ')} }
local users = { ${server.userIds.map(lua).join(', ')} }
local i = tonumber(os.getenv("BENCH_START") or "1")
request = function()
  local u = #users
  local org = orgs[(math.floor(i / u) % #orgs) + 1]
  local user = users[(i % u) + 1]
  i = i + 1
  return wrk.format("POST", "/organizations/" .. org .. "/members", hdrs("application/json"),
    '{"user_id":"' .. user .. '","role_ids":["' .. ${lua(server.roleId)} .. '"]}')
end`;
} else {
  throw new Error(`unknown workload ${workload}`);
}

// wrk.format() with its own header table ignores wrk.headers: hdrs() builds a full one.
const script = `wrk.headers["Authorization"] = ${lua(auth)}
wrk.headers["Accept"] = "application/json"
function hdrs(ct)
  return { ["Authorization"] = ${lua(auth)}, ["Accept"] = "application/json", ["Content-Type"] = ct }
end
${requestFn}
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"duration_us":%d,"errors_connect":%d,"errors_read":%d,"errors_status":%d,"errors_timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.status,
    summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
end
`;
// summary.errors.status counts non-2xx answers (e.g. a duplicate member would be a 400).

// Counted mode: time responses W..W+N with a monotonic clock, then stop the thread.
const countedLua = `local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_ts; int clock_gettime(int, bench_ts *); ]]
local ts = ffi.new("bench_ts")
local function now_us() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3 end
local W, N = ${countW}, ${countN}
local responses, bad, t0 = 0, 0, 0
response = function(status, headers, body)
  responses = responses + 1
  if status >= 300 then bad = bad + 1 end
  if responses == W then t0 = now_us() end
  if responses == W + N then
    -- wrk's main thread sleeps for the whole -d: print now; capacity.mjs then sends SIGINT.
    io.write(string.format('{"counted":true,"measured":%d,"window_us":%d,"bad":%d}\\n', N, now_us() - t0, bad))
    io.flush()
    wrk.thread:stop()
  end
end
done = function(summary, latency, requests)
  io.write(string.format('{"latency":true,"p50_us":%d,"p99_us":%d,"errors_connect":%d,"errors_read":%d,"errors_timeout":%d}\\n',
    latency:percentile(50), latency:percentile(99), summary.errors.connect, summary.errors.read, summary.errors.timeout))
end
`;

const dir = mkdtempSync(path.join(tmpdir(), 'wacht-bench-'));
const file = path.join(dir, `${workload}.lua`);
writeFileSync(file, counted ? script.replace(/\ndone = function[\s\S]*$/, '\n') + countedLua : script);

function wrk(ms, start) {
  const r = spawnSync('wrk', ['-t1', `-c${concurrency}`, `-d${Math.max(1, Math.round(ms / 1000))}s`, '--timeout', '10s', '-s', file, server.url], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_START: String(start) },
  });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}${r.stdout}`);
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return JSON.parse(line);
}

try {
  if (counted) {
    // One run: W warmup responses, then N measured (wrk's latency percentiles cover all of them).
    const lines = await new Promise((resolve, reject) => {
      const child = spawn('wrk', ['-t1', `-c${concurrency}`, '-d300s', '--timeout', '10s', '-s', file, server.url], {
        env: { ...process.env, BENCH_START: '1' },
      });
      let out = '';
      let interrupted = false;
      child.stdout.on('data', (d) => {
        out += d;
        if (!interrupted && out.includes('"counted":true')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('close', () => resolve(out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))));
    });
    const m = lines.find((l) => l.counted);
    const lat = lines.find((l) => l.latency) || {};
    if (!m) throw new Error(`wrk did not reach ${countW}+${countN} responses`);
    process.stdout.write(JSON.stringify({
      workload, concurrency, available: true, tool: 'wrk -t1', mode: `counted ${countW}+${countN}`,
      requests: m.measured, rps: m.measured / (m.window_us / 1e6),
      p50: lat.p50_us != null ? lat.p50_us / 1000 : null, p99: lat.p99_us != null ? lat.p99_us / 1000 : null,
      errors: m.bad + (lat.errors_connect || 0) + (lat.errors_read || 0) + (lat.errors_timeout || 0),
    }) + '\n');
    process.exit(0);
  }
  // Warmup with a distinct slice of the member pairs (they must stay unique): the last
  // quarter of the (org, user) cycle; the measured run starts at 0.
  const pairs = server.orgIds.length * Math.max(1, server.userIds.length);
  wrk(warmupMs, Math.floor((pairs * 3) / 4));
  const m = wrk(durationMs, 0);
  const seconds = m.duration_us / 1e6;
  process.stdout.write(JSON.stringify({
    workload, concurrency, available: true, tool: 'wrk -t1',
    requests: m.requests, rps: m.requests / seconds,
    p50: m.p50_us / 1000, p99: m.p99_us / 1000,
    errors: m.errors_connect + m.errors_read + m.errors_status + m.errors_timeout,
  }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
