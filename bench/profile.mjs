// Profile one cell: runs cell.mjs under `node --cpu-prof` against a fresh bench server and
// prints where the main thread's time goes (self time by function, and by source).
//   node bench/profile.mjs <client> <workload> <concurrency> [durationMs=3000] [--keep]
// Only the JS main thread is sampled: time inside the addon's Rust threads is not in it
// (use `perf record -g -p <pid>` for those).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runJson, startServer } from './child.mjs';

const [client, workload, conc, dur = '3000'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(path.join(tmpdir(), 'wacht-prof-'));
const counted = workload === 'addOrganizationMember' ? ['1000', '8000'] : [];
const server = await startServer(['--users', workload === 'addOrganizationMember' ? '2000' : '0']);
let result;
try {
  result = await runJson('cell.mjs', [client, workload, conc, dur, '500', ...counted], {
    env: { BENCH_SERVER: JSON.stringify(server.info) },
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir],
  });
} finally {
  await server.stop();
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  self.set(id, (self.get(id) || 0) + (prof.timeDeltas[i] || 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const src = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? url.replace(/^file:\/\//, '').replace(path.resolve(process.cwd()) + '/', '') : '';
  const key = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
  fn.set(key, (fn.get(key) || 0) + us);
  const cat = !url ? functionName.startsWith('(') ? functionName : '(native/V8 builtins)'
    : url.startsWith('node:') ? 'node: internals' : url.includes('/node_modules/') ? url.split('/node_modules/')[1].split('/')[0]
    : url.includes('/lib/') ? 'this package lib/' : path.basename(url);
  src.set(cat, (src.get(cat) || 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1)}%`.padStart(6);
const perReq = (us) => `${(us / result.requests).toFixed(1)} µs/req`.padStart(14);
console.log(`${client} ${workload} c=${conc}: ${Math.round(result.rps)} req/s, ELU ${result.eluUsPerReq.toFixed(1)} µs/req, CPU ${result.cpuUsPerReq.toFixed(1)} µs/req (profiler overhead included)`);
console.log('\nby source (self time; per request is over the whole run incl. warmup, so an upper bound):');
for (const [k, us] of [...src].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${pct(us)} ${perReq(us)}  ${k}`);
console.log('\ntop functions by self time:');
for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)} ${perReq(us)}  ${k}`);
if (keep) console.log(`\nprofile kept: ${path.join(dir, file)}`);
else rmSync(dir, { recursive: true, force: true });
