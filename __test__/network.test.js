'use strict';
// Proxies and extra trusted roots, as Node users expect: HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY are honoured (a local CONNECT proxy on 127.0.0.1 sees the tunnel), and
// NODE_EXTRA_CA_CERTS adds a root (a local TLS server with a self-signed root).

const fs = require('fs');
const http = require('http');
const https = require('https');
const net = require('net');
const path = require('path');
const sdk = require('../index.js');

const tls = (f) => path.join(__dirname, 'fixtures', 'tls', f);
const ENV_KEYS = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy', 'NODE_EXTRA_CA_CERTS'];

let tlsServer;
let tlsUrl;
let proxy;
let proxyUrl;
let plainServer;
let plainUrl;
const tunnels = [];
const forwarded = [];
const saved = {};

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function answer(req, res) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: '1', seenBy: 'origin', path: req.url }));
}

beforeAll(async () => {
  tlsServer = https.createServer({ key: fs.readFileSync(tls('server.key')), cert: fs.readFileSync(tls('server.pem')) }, answer);
  tlsUrl = `https://127.0.0.1:${await listen(tlsServer)}`;
  plainServer = http.createServer(answer);
  plainUrl = `http://127.0.0.1:${await listen(plainServer)}`;

  // A forward proxy: CONNECT tunnels for https, absolute-form requests for http.
  proxy = http.createServer((req, res) => {
    forwarded.push(req.url);
    const target = new URL(req.url);
    const upstream = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    tunnels.push(req.url);
    const [host, port] = req.url.split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  for (const k of ENV_KEYS) saved[k] = process.env[k];
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  tunnels.length = 0;
  forwarded.length = 0;
});

afterAll(async () => {
  for (const s of [tlsServer, plainServer, proxy]) {
    s.closeAllConnections?.();
    await new Promise((r) => s.close(r));
  }
});

const client = (baseUrl) => new sdk.WachtClient({ apiKey: 'k', baseUrl, maxRetries: 0 });

test('a server signed by an unknown root is refused', async () => {
  delete process.env.NODE_EXTRA_CA_CERTS;
  const err = await client(tlsUrl).organizations.getOrganization('1').catch((e) => e);
  expect(err).toBeInstanceOf(sdk.ConnectionError);
  expect(err.message).toMatch(/certificate|UnknownIssuer|issuer/i);
});

test('NODE_EXTRA_CA_CERTS adds a trusted root', async () => {
  process.env.NODE_EXTRA_CA_CERTS = tls('ca.pem');
  await expect(client(tlsUrl).organizations.getOrganization('1')).resolves.toMatchObject({ seenBy: 'origin', path: '/organizations/1' });
});

test('an unreadable NODE_EXTRA_CA_CERTS is a clear error at construction', () => {
  process.env.NODE_EXTRA_CA_CERTS = tls('missing.pem');
  expect(() => client(tlsUrl)).toThrow(/extra CA file/);
});

test('HTTPS_PROXY tunnels https requests through CONNECT', async () => {
  process.env.NODE_EXTRA_CA_CERTS = tls('ca.pem');
  process.env.HTTPS_PROXY = proxyUrl;
  await expect(client(tlsUrl).organizations.getOrganization('2')).resolves.toMatchObject({ path: '/organizations/2' });
  expect(tunnels).toEqual([new URL(tlsUrl).host]);
});

test('HTTP_PROXY forwards plain http requests', async () => {
  process.env.HTTP_PROXY = proxyUrl;
  await expect(client(plainUrl).organizations.getOrganization('3')).resolves.toMatchObject({ path: '/organizations/3' });
  expect(forwarded).toEqual([`${plainUrl}/organizations/3`]);
});

test('NO_PROXY bypasses the proxy', async () => {
  process.env.HTTP_PROXY = proxyUrl;
  process.env.NO_PROXY = '127.0.0.1';
  await expect(client(plainUrl).organizations.getOrganization('4')).resolves.toMatchObject({ path: '/organizations/4' });
  expect(forwarded).toEqual([]);
});
