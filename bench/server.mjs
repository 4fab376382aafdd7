// Bench server: starts the Wacht emulator (from ../testing.js) in THIS process, which is a
// child of run.mjs, so the server's CPU is never charged to a measured client process.
// Seeds organizations (with some metadata, so a 100-item page is ~25 KB) and, on request,
// users for addOrganizationMember. Prints one JSON line on stdout, then serves until
// stdin closes or SIGTERM/SIGINT.
//
//   node bench/server.mjs [--orgs 120] [--users 0]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../testing.js');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const ORGS = arg('orgs', 120);
const USERS = arg('users', 0);

const emu = await startEmulator({ seedUsers: true });
const auth = { authorization: `Bearer ${emu.apiKey}` };

async function api(method, path, body) {
  const res = await fetch(emu.url + path, { method, headers: auth, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

const orgIds = [];
for (let i = 0; i < ORGS; i++) {
  const form = new FormData();
  form.append('name', `Bench Org ${String(i).padStart(4, '0')}`);
  // Sized so an organization is ~250 bytes of JSON and a 100-item page ~25 KB.
  form.append('description', `Bench org ${i}`);
  form.append('public_metadata', JSON.stringify({ plan: i % 3 ? 'team' : 'pro' }));
  const org = await api('POST', '/organizations', form);
  orgIds.push(String(org.id));
}

// The org used by getOrganization: one in the middle of the list.
const orgId = orgIds[Math.floor(ORGS / 2)];
const roles = await api('GET', `/organizations/${orgId}/roles`);
const roleList = Array.isArray(roles) ? roles : roles.data;
const memberRole = roleList.find((r) => /member/i.test(r.name)) || roleList[0];

const userIds = [];
for (let i = 0; i < USERS; i++) {
  const u = await emu.createUser({ first_name: 'Bench', last_name: `User${i}`, email: `bench${i}@example.com` });
  userIds.push(String(u.id));
}

process.stdout.write(JSON.stringify({ url: emu.url, apiKey: emu.apiKey, orgId, orgIds, roleId: String(memberRole.id), userIds, pid: process.pid }) + '\n');

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await emu.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
