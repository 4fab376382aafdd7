'use strict';
// WachtClient: the official constructor and options, one native client behind it, and
// `client.organizations` with the official methods (each takes an optional last argument
// of request options). The API key lives only in the native client: never in a JS field.

const util = require('util');
const native = require('./native');
const v = require('./validate');
const { invalidArgument } = require('./errors');
const { OPERATIONS, arity } = require('./operations');
const { pager } = require('./pagination');
const { makeFetchTransport } = require('./fetch-adapter');
const { makeObserver } = require('./observe');
const { headers: checkHeaders, MAX_RETRIES } = require('./call');
const { version } = require('../package.json');

const DEFAULT_BASE_URL = 'https://api.wacht.dev';
const USER_AGENT = `@wacht/backend/${version} (native; node/${process.version}; ${process.platform}-${process.arch})`;

const MAX_API_KEY_LENGTH = 4096;
const MAX_BASE_URL_LENGTH = 2048;

/** The key becomes a header value: printable ASCII only. Its value is never echoed. */
function checkApiKey(apiKey) {
  if (apiKey === undefined || apiKey === null || apiKey === '') return;
  if (typeof apiKey !== 'string') v.fail('config.apiKey', 'a string', apiKey);
  if (apiKey.length > MAX_API_KEY_LENGTH) {
    throw invalidArgument('config.apiKey', `config.apiKey is too long (${apiKey.length} characters, at most ${MAX_API_KEY_LENGTH})`);
  }
  if (!/^[\x20-\x7e]+$/.test(apiKey)) {
    throw invalidArgument('config.apiKey', 'config.apiKey must be printable ASCII (no CR, LF, NUL or other control characters)');
  }
}

function checkBaseUrl(baseUrl) {
  if (baseUrl === undefined || baseUrl === null) return;
  if (typeof baseUrl !== 'string') v.fail('config.baseUrl', 'a string URL', baseUrl);
  if (baseUrl.length > MAX_BASE_URL_LENGTH) {
    throw invalidArgument('config.baseUrl', `config.baseUrl is too long (${baseUrl.length} characters, at most ${MAX_BASE_URL_LENGTH})`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(baseUrl)) {
    throw invalidArgument('config.baseUrl', 'config.baseUrl must not contain whitespace or control characters');
  }
}

function checkConfig(config) {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) v.fail('config', 'an object', config);
  const { apiKey, baseUrl, timeout, totalTimeout, maxRetries, fetch, name, store } = config;
  checkApiKey(apiKey);
  checkBaseUrl(baseUrl);
  // Like the official SDK, 0 (or no value) means the default of 30000 ms.
  if (timeout !== undefined && timeout !== null && (typeof timeout !== 'number' || !(timeout >= 0) || !Number.isFinite(timeout))) {
    v.fail('config.timeout', 'a non-negative number of milliseconds', timeout);
  }
  if (totalTimeout !== undefined && (typeof totalTimeout !== 'number' || !(totalTimeout > 0) || !Number.isFinite(totalTimeout))) {
    v.fail('config.totalTimeout', 'a positive number of milliseconds', totalTimeout);
  }
  v.integer('config.maxRetries', maxRetries, 0, MAX_RETRIES);
  if (fetch !== undefined && fetch !== null && typeof fetch !== 'function') v.fail('config.fetch', 'a fetch function', fetch);
  if (name !== undefined && name !== null && typeof name !== 'string') v.fail('config.name', 'a string', name);
  if (store !== undefined && store !== null && (typeof store !== 'object' || typeof store.register !== 'function')) {
    v.fail('config.store', 'a WachtClientStore', store);
  }
}

/** The first set one of an environment variable and its lowercase twin. */
function env(name) {
  return process.env[name] || process.env[name.toLowerCase()] || undefined;
}

/** Network settings Node users set in the environment, read when the client is built. */
function networkEnv() {
  return {
    extraCaCertsFile: process.env.NODE_EXTRA_CA_CERTS || undefined,
    httpProxy: env('HTTP_PROXY'),
    httpsProxy: env('HTTPS_PROXY'),
    noProxy: env('NO_PROXY'),
  };
}

class WachtClient {
  #baseUrl;

  /** @param {import('../index').WachtConfig} config */
  constructor(config) {
    checkConfig(config);
    this.#baseUrl = config.baseUrl || process.env.WACHT_API_URL || DEFAULT_BASE_URL;
    let client;
    try {
      client = new native.NativeClient(
        {
          baseUrl: this.#baseUrl,
          apiKey: config.apiKey || undefined,
          timeout: config.timeout || undefined,
          totalTimeout: config.totalTimeout,
          maxRetries: config.maxRetries ?? undefined,
          headers: checkHeaders('config.headers', config.headers ?? undefined),
          userAgent: USER_AGENT,
          // With a custom fetch, the network is that fetch's business.
          ...(config.fetch ? {} : networkEnv()),
        },
        config.fetch ? makeFetchTransport(config.fetch) : undefined,
        makeObserver(config.hooks, config.logger),
      );
    } catch (err) {
      if (err && err.code === 'invalid_argument') throw err;
      const param = /baseUrl/.test(err.message) ? 'config.baseUrl' : 'config';
      throw invalidArgument(param, err.message);
    }
    /** Optional logical name (the official `name` option). */
    Object.defineProperty(this, 'name', { value: config.name ?? undefined, enumerable: true });
    Object.defineProperty(this, 'organizations', { value: bindOrganizations(client), enumerable: true });
    if (config.store && config.name) config.store.register(config.name, this);
  }

  /** The base URL requests go to. */
  getBaseUrl() {
    return this.#baseUrl;
  }

  toJSON() {
    return { name: this.name, baseUrl: this.#baseUrl };
  }

  [util.inspect.custom]() {
    return `WachtClient { baseUrl: ${JSON.stringify(this.#baseUrl)}${this.name ? `, name: ${JSON.stringify(this.name)}` : ''} }`;
  }
}

/** `client.organizations`: every operation bound to this client's native core. */
function bindOrganizations(client) {
  const bound = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    const n = arity(operation);
    // Arguments the caller left out stay `undefined`: never a fallback to a global client.
    bound[name] = (...args) => {
      const last = args[n];
      // The official bound form takes an explicit client there: that client is used.
      if (last instanceof WachtClient) return last.organizations[name](...padTo(args.slice(0, n), n));
      return operation(client, ...padTo(args.slice(0, n), n), last);
    };
  }
  bound.paginateOrganizations = (options, requestOptions) => pager(bound.listOrganizations, options, requestOptions);
  bound.paginateOrganizationMembers = (organizationId, options, requestOptions) => {
    v.id('organizationId', organizationId);
    return pager((o, r) => bound.listOrganizationMembers(organizationId, o, r), options, requestOptions);
  };
  return Object.freeze(bound);
}

function padTo(list, length) {
  while (list.length < length) list.push(undefined);
  return list;
}

module.exports = { WachtClient, bindOrganizations, DEFAULT_BASE_URL, USER_AGENT };
