// Server capacity: wrk (a native C load generator, one thread) sends the same requests as the
// clients to the same kind of server. Prints one JSON line per call.
//   node bench/capacity.mjs <workload> <concurrency> <durationMs> [warmupMs]   (env BENCH_SERVER)
// Without wrk on PATH it prints { available: false }.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { orgRequest } from './clients.mjs';

const [workload, concArg, durArg, warmArg] = process.argv.slice(2);
const concurrency = Number(concArg);
const durationMs = Number(durArg);
const warmupMs = Number(warmArg ?? 500);
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
local i = tonumber(os.getenv("BENCH_START") or "0")
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

const dir = mkdtempSync(path.join(tmpdir(), 'wacht-bench-'));
const file = path.join(dir, `${workload}.lua`);
writeFileSync(file, script);

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
