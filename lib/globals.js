'use strict';
// The official module-level API: a lazy global client, a named client store, and the
// `organizations` namespace whose functions take the client as an optional last argument.

const { WachtClient } = require('./client');
const { OPERATIONS, arity } = require('./operations');

class WachtClientStore {
  #clients = new Map();

  register(name, client) {
    this.#clients.set(name, client);
  }

  get(name) {
    const client = this.#clients.get(name);
    if (!client) throw new Error(`No Wacht client registered with name '${name}'.`);
    return client;
  }

  has(name) {
    return this.#clients.has(name);
  }

  remove(name) {
    return this.#clients.delete(name);
  }

  list() {
    return Array.from(this.#clients.keys());
  }

  clear() {
    this.#clients.clear();
  }
}

function createClientStore() {
  return new WachtClientStore();
}

let globalClient = null;

function initClient(config) {
  globalClient = new WachtClient(config);
}

function getClient() {
  if (!globalClient) {
    const apiKey = process.env.WACHT_API_KEY;
    if (!apiKey) {
      throw new Error(
        'Wacht SDK client not initialized. Set WACHT_API_KEY in the environment, or call initClient({ apiKey }) explicitly.',
      );
    }
    globalClient = new WachtClient({ apiKey });
  }
  return globalClient;
}

function isClientInitialized() {
  return globalClient !== null;
}

/**
 * `organizations.fn(...args, client?, requestOptions?)`. A WachtClient passed in any
 * slot after the required ones is taken as the client (the official SDK would mistake it
 * for the options); without one, the global client is used.
 */
function namespaceFunction(name, operation) {
  const n = arity(operation);
  return async (...args) => {
    const at = args.findIndex((a) => a instanceof WachtClient);
    const official = at >= 0 ? args.slice(0, Math.min(at, n)) : args.slice(0, n);
    while (official.length < n) official.push(undefined);
    const explicit = at >= 0 ? args[at] : args[n];
    const requestOptions = at >= 0 ? args[at + 1] : args[n + 1];
    const client = explicit || getClient();
    return client.organizations[name](...official, requestOptions);
  };
}

const organizations = Object.freeze(
  Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, namespaceFunction(name, op)])),
);

module.exports = {
  WachtClientStore,
  createClientStore,
  initClient,
  getClient,
  isClientInitialized,
  organizations,
};
