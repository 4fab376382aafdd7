// ESM entry: the same objects as the CommonJS entry (one module instance, one set of classes).
import cjs from './index.js';

export const {
  WachtClient,
  WachtClientStore,
  createClientStore,
  createWachtClientStore,
  initClient,
  getClient,
  isClientInitialized,
  organizations,
  WachtError,
  ValidationError,
  AuthenticationError,
  AuthorizationError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  parseApiError,
} = cjs;
export default cjs;
