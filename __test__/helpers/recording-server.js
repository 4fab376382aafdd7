'use strict';
// A real HTTP server on 127.0.0.1 that records every request (method, url, headers, raw
// body) and answers with whatever the test sets: the wire-level side of the tests.

const http = require('http');

async function startRecordingServer(initial) {
  const requests = [];
  let respond = initial || ((req, res) => json(res, 200, {}));
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(record);
      respond(record, res);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    last: () => requests[requests.length - 1],
    respondWith(fn) {
      respond = fn;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

function json(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

module.exports = { startRecordingServer, json };
