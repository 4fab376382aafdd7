// JSON.parse reference: fetch one response body per workload (raw HTTP) and time JSON.parse of
// it in a loop. Prints { <workload>: { bytes, parseUs } }.   (env BENCH_SERVER)
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { memberPair, orgRequest } from './clients.mjs';

const require = createRequire(import.meta.url);
const { request } = require('undici');
const server = JSON.parse(process.env.BENCH_SERVER);
const auth = { authorization: `Bearer ${server.apiKey}` };

async function text(method, path, body, headers = {}) {
  const res = await request(server.url + path, { method, body, headers: { ...auth, ...headers } });
  const t = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${t}`);
  return t;
}

const form = new FormData();
const r = orgRequest(0);
form.append('name', r.name);
form.append('description', r.description);
const createBody = await (await fetch(server.url + '/organizations', { method: 'POST', headers: auth, body: form })).text();
const pair = memberPair(server, 0);
const bodies = {
  getOrganization: await text('GET', `/organizations/${server.orgId}`),
  listOrganizations: await text('GET', '/organizations?limit=100'),
  createOrganization: createBody,
  addOrganizationMember: await text('POST', `/organizations/${pair.orgId}/members`,
    JSON.stringify({ user_id: pair.userId, role_ids: [server.roleId] }), { 'content-type': 'application/json' }),
};

const out = {};
let sink = 0;
for (const [name, body] of Object.entries(bodies)) {
  JSON.parse(body);
  // Warm up, then time batches for ~300 ms and take the fastest batch (least disturbed).
  for (let k = 0; k < 2000; k++) sink += JSON.parse(body) ? 1 : 0;
  let best = Infinity;
  const until = performance.now() + 300;
  while (performance.now() < until) {
    const n = 200;
    const t = performance.now();
    for (let k = 0; k < n; k++) sink += JSON.parse(body) ? 1 : 0;
    best = Math.min(best, ((performance.now() - t) * 1000) / n);
  }
  out[name] = { bytes: Buffer.byteLength(body), parseUs: best };
}
out.sink = sink > 0;
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
