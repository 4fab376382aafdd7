'use strict'
// `@wacht/backend/testing`: run the local Wacht emulator in-process (Rust, on napi's
// tokio runtime). Its sockets do not keep Node's event loop alive once closed.

const native = require('./lib/native.js')

/**
 * Start an emulator of the Wacht backend on a local port.
 * @param {import('./testing').EmulatorOptions} [options]
 * @returns {Promise<import('./testing').Emulator>}
 */
async function startEmulator(options) {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('startEmulator(options): options must be an object')
  }
  const handle = await native.startEmulator(cleanOptions(options))
  let closing = null
  return {
    url: handle.url,
    apiKey: handle.apiKey,
    async createUser(user) {
      return handle.createUser(user ?? {})
    },
    async listUsers() {
      return handle.listUsers().data
    },
    async injectFault(spec) {
      if (spec === null || typeof spec !== 'object') {
        throw new TypeError('injectFault(spec): spec must be an object')
      }
      return handle.addFault(spec)
    },
    async removeFault(id) {
      return handle.removeFault(id)
    },
    async clearFaults() {
      handle.clearFaults()
    },
    async reset() {
      handle.reset()
    },
    close() {
      // Idempotent: every call waits for the same shutdown.
      if (!closing) closing = handle.close()
      return closing
    },
  }
}

// napi rejects `null` for optional fields; treat null like "not given".
function cleanOptions(options) {
  if (!options) return undefined
  const out = {}
  for (const key of ['host', 'port', 'apiKey', 'dataFile', 'seedUsers']) {
    if (options[key] !== undefined && options[key] !== null) out[key] = options[key]
  }
  return out
}

module.exports = { startEmulator }
// So `export default` in testing.d.ts holds for require() as well as import.
module.exports.default = module.exports
