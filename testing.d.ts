/**
 * `@wacht/backend/testing`: a local, stateful emulator of the Wacht backend's
 * organizations API, for tests and offline development.
 */

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to bind. Default `"127.0.0.1"`. */
  host?: string
  /** TCP port. Default `0`: any free port (read it from {@link Emulator.url}). */
  port?: number
  /** The bearer key clients must send. Default `"wacht_emulator_key"`. */
  apiKey?: string
  /**
   * SQLite file that keeps state across restarts (WAL journal; a crash mid-write
   * does not corrupt it). Default: in memory only.
   */
  dataFile?: string
  /** Seed three demo users (Ada Lovelace, Grace Hopper, Alan Turing). Default `true`. */
  seedUsers?: boolean
}

/** A user known to the emulator (users are managed by the emulator, not the organizations API). */
export interface EmulatorUser {
  /** Numeric id as a decimal string; use it as `user_id` in `addOrganizationMember`. */
  id: string
  /** RFC 3339 UTC timestamp with microseconds. */
  created_at: string
  updated_at: string
  first_name: string
  last_name: string
  username: string | null
  primary_email_address: string | null
  primary_phone_number: string | null
}

/** Fields of a new user; all optional. `email` is lowercased. */
export interface NewEmulatorUser {
  first_name?: string
  last_name?: string
  username?: string
  email?: string
  phone?: string
}

/**
 * Make the next `times` matching requests fail, stall, or lose their connection.
 * At least one of `status`, `delayMs` or `drop` is required. Routes under
 * `/_emulator/` are never faulted. The first registered matching fault wins.
 */
export interface FaultSpec {
  /** HTTP method, case-insensitive. Absent or `"*"`: any method. */
  method?: string
  /**
   * Request path without the query: exact (`"/organizations"`), `*` for one segment
   * (`"/organizations/*\/members"`), or a trailing `/**` for any suffix. Absent: any path.
   */
  path?: string
  /** How many matching requests this fault applies to. Default `1`. */
  times?: number
  /** Answer with this status instead of the real handler. */
  status?: number
  /**
   * Response body. A JSON value is sent as JSON; a string is sent raw when
   * `contentType` is given (e.g. an HTML 502 page). Without a body, an error status
   * gets the standard `{"errors":[{"message","code"}]}` envelope.
   */
  body?: unknown
  /** Content-Type of the fault response. Default `application/json`. */
  contentType?: string
  /** Extra response headers. */
  headers?: Record<string, string>
  /** Sent as the `Retry-After` header. */
  retryAfter?: string | number
  /** Wait this long (ms) before responding; without `status`/`drop`, then serve normally. */
  delayMs?: number
  /** Close the TCP connection without any response (the client sees a network error). */
  drop?: boolean
}

/** A running emulator, returned by {@link startEmulator}. */
export interface Emulator {
  /** Base URL to pass as `baseUrl`, e.g. `"http://127.0.0.1:54321"`. */
  readonly url: string
  /** The API key to pass as `apiKey`. */
  readonly apiKey: string
  /** Add a user that can then be added to organizations. */
  createUser(user?: NewEmulatorUser): Promise<EmulatorUser>
  /** Every user, oldest first (the seeded ones included). */
  listUsers(): Promise<EmulatorUser[]>
  /** Register a fault; resolves to its id (for {@link Emulator.removeFault}). */
  injectFault(spec: FaultSpec): Promise<number>
  /** Remove one fault before it is used up; `false` when it was already gone. */
  removeFault(id: number): Promise<boolean>
  /** Remove every registered fault. */
  clearFaults(): Promise<void>
  /** Back to the initial state (deployment roles Admin/Member + seeded users); clears faults. */
  reset(): Promise<void>
  /** Stop the server, close connections and flush persistence. Idempotent. */
  close(): Promise<void>
}

/** Start an emulator; resolves once it is listening. */
export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>

declare const _default: { startEmulator: typeof startEmulator }
export default _default
