// Types of @wacht/backend (native). Hand-written and checked by __test__/types/*.ts
// (compiled with tsc --strict): the public surface of the official SDK's organizations
// module, plus the request options, error fields and hooks this package adds.

// ---------------------------------------------------------------------------- models

export interface Organization {
  id: string;
  created_at: string;
  updated_at: string;
  name: string;
  description: string;
  image_url: string;
  member_count: number;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
}

export interface OrganizationRole {
  id: string;
  created_at: string;
  updated_at: string;
  name: string;
  permissions: string[];
  is_deployment_level: boolean;
}

export interface Workspace {
  id: string;
  created_at: string;
  updated_at: string;
  name: string;
  description: string;
  image_url: string;
  member_count: number;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
}

export interface Segment {
  id: string;
  created_at?: string;
  updated_at?: string;
  deleted_at?: string;
  deployment_id: string;
  name: string;
  type: 'organization' | 'workspace' | 'user';
}

export interface OrganizationDetails extends Organization {
  roles: OrganizationRole[];
  workspaces: Workspace[];
  segments: Segment[];
}

/** A membership: `id` is the membership id (what `memberId` means), not the user id. */
export interface OrganizationMember {
  id: string;
  created_at: string;
  updated_at: string;
  organization_id: string;
  user_id: string;
  roles: OrganizationRole[];
  public_metadata: Record<string, unknown>;
  first_name: string;
  last_name: string;
  username?: string;
  primary_email_address?: string;
  primary_phone_number?: string;
  user_created_at: string;
}

export interface OrganizationInvitation {
  id: string;
  created_at: string;
  updated_at: string;
  organization_id: string;
  email: string;
  initial_organization_role_id?: string;
  initial_organization_role_name?: string;
  inviter_id?: string;
  workspace_id?: string;
  workspace_name?: string;
  initial_workspace_role_id?: string;
  initial_workspace_role_name?: string;
  expired: boolean;
  expiry?: string;
  /** Redeems the invitation: treat it like a secret. */
  token: string;
}

export interface OrganizationInvitationSummary {
  id: string;
  token: string;
  email: string;
  organization_id: string;
  organization_name: string;
  workspace_id?: string;
}

/**
 * One page of a list. The server sends `data` and `has_more` (and `limit`/`offset` for
 * organizations and members) but never `total`; the official type declares it, so it is
 * kept here for compatibility and is `undefined` at run time.
 */
export interface PaginatedResponse<T> {
  data: T[];
  total: number;
  limit: number;
  offset: number;
  has_more?: boolean;
}

// ---------------------------------------------------------------------------- requests

export type OrganizationListSortOrder = 'asc' | 'desc';
export type OrganizationMemberListSortOrder = 'asc' | 'desc';

export interface ListOrganizationsOptions {
  /** Page size (server default 10, no maximum). */
  limit?: number;
  offset?: number;
  /** `created_at` (default), `name`, `member_count` or `updated_at`. */
  sort_key?: string;
  /** Default: descending. */
  sort_order?: OrganizationListSortOrder;
  /** Case-insensitive substring of the name. */
  search?: string;
}

export interface ListOrganizationMembersOptions {
  /** Page size (server default 20, no maximum). */
  limit?: number;
  offset?: number;
  search?: string;
  /** `first_name`, `last_name`, `email`, `username` or `created_at` (default). */
  sort_key?: string;
  sort_order?: OrganizationMemberListSortOrder;
}

export interface ListOrganizationInvitationsOptions {
  workspace_id?: string;
  include_deleted?: boolean;
}

/** An image upload: a Blob or File (its name and type are sent), or raw bytes. */
export type ImageInput = Blob | File | Uint8Array | ArrayBuffer;

export interface CreateOrganizationRequest {
  name: string;
  description?: string;
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  organization_image?: ImageInput;
  /** Accepted (the documented shape) but not sent: the API has no slug. */
  slug?: string;
  /** Accepted (the documented shape) but not sent: the API creates no founder membership. */
  created_by?: string;
}

export interface UpdateOrganizationRequest {
  name?: string;
  description?: string;
  /** Replaces the stored metadata (no merge). */
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  remove_image?: boolean;
  organization_image?: ImageInput;
}

/** Sent as JSON, verbatim. The API reads `role_ids`; `role` is the documented shape. */
export interface AddOrganizationMemberRequest {
  user_id: string;
  role_ids?: string[];
  /** A role id, key or name (`"org:admin"`), as in the docs; the emulator resolves it. */
  role?: string;
}

export interface UpdateOrganizationMemberRequest {
  /** Replaces the member's whole role set. */
  role_ids?: string[];
  role?: string;
  public_metadata?: Record<string, unknown>;
}

export interface CreateOrganizationRoleRequest {
  name: string;
  permissions: string[];
  key?: string;
  description?: string;
}

export interface UpdateOrganizationRoleRequest {
  name?: string;
  permissions?: string[];
  key?: string;
  description?: string;
}

export interface CreateWorkspaceRequest {
  name: string;
  description?: string;
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  workspace_image?: ImageInput;
}

export interface CreateOrganizationInvitationRequest {
  email: string;
  role_id?: string;
  workspace_id?: string;
  workspace_role_id?: string;
  /** Days until the token expires (default 10). */
  expiry_days?: number;
}

// ---------------------------------------------------------------------------- options

/**
 * The optional last argument of every method. A `WachtClient` there instead (the
 * official SDK's bound form) sends the call through that client.
 */
export interface RequestOptions {
  /** Aborting rejects with `AbortError` and stops the request in flight. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default: the client's, 30000). */
  timeout?: number;
  /** Deadline for the whole call in ms, across retries and waits (default: the client's). */
  totalTimeout?: number;
  /** Retries after the first attempt, 0-10 (default: the client's, 2). */
  maxRetries?: number;
  /** Extra headers for this call; a same-named client header is replaced. */
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key`; makes a create safe to retry after any failure. */
  idempotencyKey?: string;
}

export interface RequestEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  /** The SDK method, e.g. `getOrganization`. */
  operation: string;
  method: string;
  /** Path and query (ids and search terms; never headers, bodies or tokens). */
  path: string;
  attempt: number;
  status?: number;
  elapsedMs?: number;
  /** For `retry`: the wait before the next attempt. */
  delayMs?: number;
  requestId?: string;
  message?: string;
}

export interface WachtHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: RequestEvent) => void;
  onRetry?: (event: RequestEvent) => void;
  onError?: (event: RequestEvent) => void;
}

export interface WachtLogger {
  debug?: (message: string) => void;
  warn: (message: string) => void;
}

export interface WachtConfig {
  /** Optional logical name for this client. */
  name?: string;
  /** Default: `WACHT_API_URL`, else `https://api.wacht.dev`. A path in it is kept. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Missing or empty: every call rejects. */
  apiKey: string;
  /** Per-attempt timeout in ms (default 30000; 0 means the default). */
  timeout?: number;
  /** Additional headers for every request. */
  headers?: Record<string, string>;
  /** When given, every request of this client goes through it. */
  fetch?: typeof fetch;
  /** Registers the client under `name` in this store. */
  store?: WachtClientStore;
  /** Retries after the first attempt, 0-10 (default 2). */
  maxRetries?: number;
  /** Deadline for a whole call in ms, across retries (default: none). */
  totalTimeout?: number;
  hooks?: WachtHooks;
  /** Receives one line per request, response, retry and error (e.g. `console`). */
  logger?: WachtLogger;
}

// ---------------------------------------------------------------------------- client

export interface OrganizationsApi {
  listOrganizations(options?: ListOrganizationsOptions, requestOptions?: RequestOptions | WachtClient): Promise<PaginatedResponse<Organization>>;
  getOrganization(organizationId: string, requestOptions?: RequestOptions | WachtClient): Promise<OrganizationDetails>;
  createOrganization(request: CreateOrganizationRequest, requestOptions?: RequestOptions | WachtClient): Promise<Organization>;
  updateOrganization(organizationId: string, request: UpdateOrganizationRequest, requestOptions?: RequestOptions | WachtClient): Promise<Organization>;
  deleteOrganization(organizationId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  listOrganizationMembers(
    organizationId: string,
    options?: ListOrganizationMembersOptions,
    requestOptions?: RequestOptions | WachtClient,
  ): Promise<PaginatedResponse<OrganizationMember>>;
  addOrganizationMember(organizationId: string, request: AddOrganizationMemberRequest, requestOptions?: RequestOptions | WachtClient): Promise<OrganizationMember>;
  updateOrganizationMember(
    organizationId: string,
    memberId: string,
    request: UpdateOrganizationMemberRequest,
    requestOptions?: RequestOptions | WachtClient,
  ): Promise<void>;
  removeOrganizationMember(organizationId: string, memberId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  listOrganizationRoles(organizationId: string, requestOptions?: RequestOptions | WachtClient): Promise<PaginatedResponse<OrganizationRole>>;
  createOrganizationRole(organizationId: string, request: CreateOrganizationRoleRequest, requestOptions?: RequestOptions | WachtClient): Promise<OrganizationRole>;
  updateOrganizationRole(
    organizationId: string,
    roleId: string,
    request: UpdateOrganizationRoleRequest,
    requestOptions?: RequestOptions | WachtClient,
  ): Promise<OrganizationRole>;
  deleteOrganizationRole(organizationId: string, roleId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  assignOrganizationMemberRole(organizationId: string, membershipId: string, roleId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  removeOrganizationMemberRole(organizationId: string, membershipId: string, roleId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  createWorkspaceForOrganization(organizationId: string, request: CreateWorkspaceRequest, requestOptions?: RequestOptions | WachtClient): Promise<Workspace>;
  listOrganizationInvitations(
    organizationId: string,
    options?: ListOrganizationInvitationsOptions,
    requestOptions?: RequestOptions | WachtClient,
  ): Promise<PaginatedResponse<OrganizationInvitation>>;
  createOrganizationInvitation(
    organizationId: string,
    request: CreateOrganizationInvitationRequest,
    requestOptions?: RequestOptions | WachtClient,
  ): Promise<OrganizationInvitationSummary>;
  discardOrganizationInvitation(organizationId: string, invitationId: string, requestOptions?: RequestOptions | WachtClient): Promise<void>;
  /**
   * Every organization, page after page (`options.limit` is the page size, default 100):
   * `for await (const org of client.organizations.paginateOrganizations())`.
   */
  paginateOrganizations(options?: ListOrganizationsOptions, requestOptions?: RequestOptions): AutoPager<Organization>;
  /** Every member of an organization, page after page. */
  paginateOrganizationMembers(
    organizationId: string,
    options?: ListOrganizationMembersOptions,
    requestOptions?: RequestOptions,
  ): AutoPager<OrganizationMember>;
}

/** Items across pages. Nothing is fetched until iteration starts. */
export interface AutoPager<T> extends AsyncIterable<T> {
  /** One page at a time. */
  pages(): AsyncIterableIterator<PaginatedResponse<T>>;
  /** Every item; rejects (code `too_many_items`) rather than truncate when there are more than `max`. */
  toArray(options: { max: number }): Promise<T[]>;
}

export declare class WachtClient {
  readonly name?: string;
  readonly organizations: OrganizationsApi;
  constructor(config: WachtConfig);
  getBaseUrl(): string;
}

export declare class WachtClientStore {
  register(name: string, client: WachtClient): void;
  get(name: string): WachtClient;
  has(name: string): boolean;
  remove(name: string): boolean;
  list(): string[];
  clear(): void;
}

export declare function createClientStore(): WachtClientStore;
export { createClientStore as createWachtClientStore };
/** Replaces the global client used by the `organizations` namespace functions. */
export declare function initClient(config: WachtConfig): void;
/** The global client, built on first use from `WACHT_API_KEY`. */
export declare function getClient(): WachtClient;
export declare function isClientInitialized(): boolean;

/** Module-level functions: the client is an optional argument after the official ones. */
export declare namespace organizations {
  function listOrganizations(options?: ListOrganizationsOptions, client?: WachtClient, requestOptions?: RequestOptions): Promise<PaginatedResponse<Organization>>;
  function getOrganization(organizationId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<OrganizationDetails>;
  function createOrganization(request: CreateOrganizationRequest, client?: WachtClient, requestOptions?: RequestOptions): Promise<Organization>;
  function updateOrganization(
    organizationId: string,
    request: UpdateOrganizationRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<Organization>;
  function deleteOrganization(organizationId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<void>;
  function listOrganizationMembers(
    organizationId: string,
    options?: ListOrganizationMembersOptions,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<PaginatedResponse<OrganizationMember>>;
  function addOrganizationMember(
    organizationId: string,
    request: AddOrganizationMemberRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<OrganizationMember>;
  function updateOrganizationMember(
    organizationId: string,
    memberId: string,
    request: UpdateOrganizationMemberRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<void>;
  function removeOrganizationMember(organizationId: string, memberId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<void>;
  function listOrganizationRoles(organizationId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<PaginatedResponse<OrganizationRole>>;
  function createOrganizationRole(
    organizationId: string,
    request: CreateOrganizationRoleRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<OrganizationRole>;
  function updateOrganizationRole(
    organizationId: string,
    roleId: string,
    request: UpdateOrganizationRoleRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<OrganizationRole>;
  function deleteOrganizationRole(organizationId: string, roleId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<void>;
  function assignOrganizationMemberRole(
    organizationId: string,
    membershipId: string,
    roleId: string,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<void>;
  function removeOrganizationMemberRole(
    organizationId: string,
    membershipId: string,
    roleId: string,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<void>;
  function createWorkspaceForOrganization(
    organizationId: string,
    request: CreateWorkspaceRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<Workspace>;
  function listOrganizationInvitations(
    organizationId: string,
    options?: ListOrganizationInvitationsOptions,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<PaginatedResponse<OrganizationInvitation>>;
  function createOrganizationInvitation(
    organizationId: string,
    request: CreateOrganizationInvitationRequest,
    client?: WachtClient,
    requestOptions?: RequestOptions,
  ): Promise<OrganizationInvitationSummary>;
  function discardOrganizationInvitation(organizationId: string, invitationId: string, client?: WachtClient, requestOptions?: RequestOptions): Promise<void>;
}

// ---------------------------------------------------------------------------- errors

/** Machine-readable cause of an error. */
export type WachtErrorCode =
  | 'api_error'
  | 'timeout'
  | 'aborted'
  | 'connection_error'
  | 'invalid_response'
  | 'invalid_argument'
  | 'missing_api_key'
  | 'too_many_items'
  | 'internal';

export declare class WachtError extends Error {
  /** The real HTTP status; undefined when no response arrived. */
  statusCode?: number | undefined;
  /** The parsed error body (e.g. `{ errors: [{ message, code }] }`). */
  details?: unknown | undefined;
  /** Set on every error this client raises. */
  code?: WachtErrorCode;
  /** Attempts made, retries included. */
  attempts?: number;
  requestId?: string;
  /** Seconds the server asked to wait (`Retry-After`). */
  retryAfter?: number;
  /** The argument an `invalid_argument` error is about. */
  param?: string;
  /** The response body as text (non-enumerable). */
  rawBody?: string;
  operation?: string;
  method?: string;
  path?: string;
  constructor(message: string, statusCode?: number | undefined, details?: unknown | undefined);
}
export declare class ValidationError extends WachtError {
  constructor(message: string, details?: unknown);
}
export declare class AuthenticationError extends WachtError {
  constructor(message?: string);
}
export declare class AuthorizationError extends WachtError {
  constructor(message?: string);
}
export declare class NotFoundError extends WachtError {
  constructor(message?: string);
}
export declare class ConflictError extends WachtError {
  constructor(message: string);
}
export declare class RateLimitError extends WachtError {
  constructor(message?: string);
}
export declare class ServerError extends WachtError {
  constructor(message?: string);
}
export declare class ConnectionError extends WachtError {
  constructor(message?: string);
}
export declare class TimeoutError extends WachtError {
  constructor(message?: string);
}
export declare class AbortError extends WachtError {
  constructor(message?: string);
}
/** The official status-to-class mapping. */
export declare function parseApiError(statusCode: number, data: unknown): WachtError;
