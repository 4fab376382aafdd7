'use strict';
// Public entry (CommonJS). ESM users get the same objects through index.mjs.

const errors = require('./lib/errors');
const { WachtClient } = require('./lib/client');
const globals = require('./lib/globals');

module.exports = {
  WachtClient,
  WachtClientStore: globals.WachtClientStore,
  createClientStore: globals.createClientStore,
  createWachtClientStore: globals.createClientStore,
  initClient: globals.initClient,
  getClient: globals.getClient,
  isClientInitialized: globals.isClientInitialized,
  organizations: globals.organizations,
  WachtError: errors.WachtError,
  ValidationError: errors.ValidationError,
  AuthenticationError: errors.AuthenticationError,
  AuthorizationError: errors.AuthorizationError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  RateLimitError: errors.RateLimitError,
  ServerError: errors.ServerError,
  ConnectionError: errors.ConnectionError,
  TimeoutError: errors.TimeoutError,
  AbortError: errors.AbortError,
  parseApiError: errors.parseApiError,
};
