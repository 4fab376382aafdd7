// The three clients under test, each exposing the four workloads as `(i) => Promise`.
//   official: the official @wacht/backend (npm alias wacht-backend-official), fetch-based
//   native:   this package (../index.js -> lib/*.js -> Rust addon)
//   raw:      undici `request` + JSON.parse: the cheapest possible Node client (baseline)
// `i` is a per-process request counter; write workloads use it to make each request unique.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CLIENTS = ['official', 'native', 'raw'];
export const WORKLOADS = ['getOrganization', 'listOrganizations', 'createOrganization', 'addOrganizationMember'];

/** addOrganizationMember: request i adds user (i mod U) to org (floor(i / U) mod O): unique pairs. */
export function memberPair(server, i) {
  const u = server.userIds.length;
  return { orgId: server.orgIds[Math.floor(i / u) % server.orgIds.length], userId: server.userIds[i % u] };
}

export function orgRequest(i) {
  return { name: `Bench New Org ${i}`, description: 'Created by the benchmark' };
}

export async function makeClient(name, server) {
  if (name === 'official') {
    const { WachtClient } = await import('wacht-backend-official');
    return sdkOps(new WachtClient({ baseUrl: server.url, apiKey: server.apiKey }), server);
  }
  if (name === 'native') {
    const { WachtClient } = require('../index.js');
    return sdkOps(new WachtClient({ baseUrl: server.url, apiKey: server.apiKey }), server);
  }
  if (name === 'raw') return rawOps(server);
  throw new Error(`unknown client ${name}`);
}

// The official SDK and this package share the same API.
function sdkOps(client, server) {
  const orgs = client.organizations;
  return {
    getOrganization: () => orgs.getOrganization(server.orgId),
    listOrganizations: () => orgs.listOrganizations({ limit: 100 }),
    createOrganization: (i) => orgs.createOrganization(orgRequest(i)),
    addOrganizationMember: (i) => {
      const { orgId, userId } = memberPair(server, i);
      return orgs.addOrganizationMember(orgId, { user_id: userId, role_ids: [server.roleId] });
    },
  };
}

function rawOps(server) {
  const { request } = require('undici');
  const auth = `Bearer ${server.apiKey}`;
  const getHeaders = { authorization: auth, accept: 'application/json' };
  const jsonHeaders = { authorization: auth, accept: 'application/json', 'content-type': 'application/json' };
  const boundary = '----wachtbenchboundary7MA4YWxkTrZu0gW';
  const formHeaders = { authorization: auth, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` };
  const field = (n, v) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;

  async function call(method, path, headers, body) {
    const res = await request(server.url + path, { method, headers, body });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  }
  const orgPath = `/organizations/${server.orgId}`;
  return {
    getOrganization: () => call('GET', orgPath, getHeaders),
    listOrganizations: () => call('GET', '/organizations?limit=100', getHeaders),
    createOrganization: (i) => {
      const r = orgRequest(i);
      return call('POST', '/organizations', formHeaders, field('name', r.name) + field('description', r.description) + `--${boundary}--\r\n`);
    },
    addOrganizationMember: (i) => {
      const { orgId, userId } = memberPair(server, i);
      return call('POST', `/organizations/${orgId}/members`, jsonHeaders, JSON.stringify({ user_id: userId, role_ids: [server.roleId] }));
    },
  };
}
