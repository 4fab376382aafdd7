// Child-process helpers: run a script and read the JSON line it prints; start a bench server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Runs `node <script> ...args` (or any command) and resolves to the last JSON line on its stdout. */
export function runJson(cmd, args, { env = {}, timeoutMs = 120000, nodeArgs = [] } = {}) {
  const isNode = cmd.endsWith('.mjs') || cmd.endsWith('.js');
  const file = isNode ? process.execPath : cmd;
  const argv = isNode ? [...nodeArgs, path.resolve(BENCH_DIR, cmd), ...args] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !line) {
        reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}: ${err.slice(-2000)}${out.slice(-500)}`));
        return;
      }
      resolve(JSON.parse(line));
    });
  });
}

/** Starts bench/server.mjs in a child; resolves to { info, stop() } once it printed its JSON line. */
export function startServer(args = [], env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, 'server.mjs'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let started = false;
    const exited = new Promise((r) => child.on('exit', r));
    child.on('error', reject);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (!started && nl >= 0) {
        started = true;
        const info = JSON.parse(out.slice(0, nl));
        resolve({
          info,
          pid: child.pid,
          async stop() {
            child.stdin.end();
            const t = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exited;
            clearTimeout(t);
          },
        });
      }
    });
    exited.then((code) => {
      if (!started) reject(new Error(`server.mjs exited ${code} before it was ready`));
    });
  });
}
