#!/usr/bin/env node
'use strict'
// `wacht-emulator`: run the local Wacht backend emulator from the command line.

const path = require('node:path')
const { startEmulator } = require(path.join(__dirname, '..', 'testing.js'))

const USAGE = `usage: wacht-emulator [--host 127.0.0.1] [--port 8787] [--api-key KEY] [--data-file PATH] [--no-seed]

  --host H        interface to bind (default 127.0.0.1)
  --port N        port, 0 = any free port (default 8787)
  --api-key K     bearer key clients must send (default wacht_emulator_key)
  --data-file P   SQLite file that keeps state across restarts (default: in memory)
  --no-seed       start without the demo users
  --help          show this help`

function parse(argv) {
  const opts = { port: 8787 }
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]
    let inline
    const eq = arg.indexOf('=')
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1)
      arg = arg.slice(0, eq)
    }
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    switch (arg) {
      case '--host':
        opts.host = value()
        break
      case '--port': {
        const raw = value()
        const n = Number(raw)
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be 0-65535, got ${raw}`)
        opts.port = n
        break
      }
      case '--api-key':
        opts.apiKey = value()
        break
      case '--data-file':
        opts.dataFile = value()
        break
      case '--no-seed':
        opts.seedUsers = false
        break
      case '-h':
      case '--help':
        return null
      default:
        throw new Error(`unknown argument: ${arg}`)
    }
  }
  return opts
}

async function main() {
  let opts
  try {
    opts = parse(process.argv.slice(2))
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`)
    process.exit(2)
  }
  if (opts === null) {
    console.log(USAGE)
    return
  }
  const emulator = await startEmulator(opts)
  console.log(`wacht-emulator listening on ${emulator.url} (api key: ${emulator.apiKey})`)
  // The server does not hold the event loop open by itself: keep the process alive.
  const keepAlive = setInterval(() => {}, 1 << 30)
  const stop = async () => {
    clearInterval(keepAlive)
    await emulator.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err) => {
  console.error(`wacht-emulator: ${err.message}`)
  process.exit(1)
})
