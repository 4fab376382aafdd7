'use strict';
// Raw TCP servers on 127.0.0.1 that misbehave on purpose: huge bodies, truncated bodies,
// slow drips, resets mid-body, garbage that is not HTTP, silence. Each counts connections
// and requests, so tests can tell how many attempts reached it.

const net = require('net');

/**
 * Starts a server; `onRequest(socket, request, server)` runs for each request head
 * (`{ method, url, headers, index }`) after its body (by content-length) has arrived.
 * `onConnection(socket, server)`, when given, runs instead for every raw connection.
 */
async function startMisbehavingServer({ onRequest, onConnection } = {}) {
  const sockets = new Set();
  const state = { connections: 0, requests: [] };
  const server = net.createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (onConnection) {
      onConnection(socket, handle);
      return;
    }
    let buffer = Buffer.alloc(0);
    let pending = null;
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!pending) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
          const [method, url] = head[0].split(' ');
          const headers = {};
          for (const line of head.slice(1)) {
            const i = line.indexOf(':');
            headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
          }
          pending = { method, url, headers, length: Number(headers['content-length'] || 0) };
          buffer = buffer.subarray(end + 4);
        }
        if (buffer.length < pending.length) return;
        const body = buffer.subarray(0, pending.length);
        buffer = buffer.subarray(pending.length);
        const request = { method: pending.method, url: pending.url, headers: pending.headers, body, index: state.requests.length };
        pending = null;
        state.requests.push(request);
        onRequest(socket, request, handle);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const handle = {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    /** Connections still open (a client that stopped reading keeps one open). */
    get openSockets() {
      return sockets.size;
    },
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  return handle;
}

/** The head of an HTTP/1.1 response. */
function head(status, headers = {}, reason = 'OK') {
  const lines = [`HTTP/1.1 ${status} ${reason}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Writes `total` bytes of a JSON-looking body in 64 KiB chunks, honouring backpressure,
 * and stops as soon as the client goes away. Resolves with the bytes written.
 */
function stream(socket, total, { chunked = false } = {}) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  chunk[0] = '"'.charCodeAt(0);
  let written = 0;
  return new Promise((resolve) => {
    const done = () => resolve(written);
    socket.once('close', done);
    const pump = () => {
      while (written < total && !socket.destroyed) {
        const n = Math.min(chunk.length, total - written);
        const piece = chunk.subarray(0, n);
        written += n;
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece);
        if (!ok) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!socket.destroyed) {
        if (chunked) socket.write('0\r\n\r\n');
        done();
      }
    };
    pump();
  });
}

module.exports = { startMisbehavingServer, head, stream };
