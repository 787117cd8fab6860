/**
 * Limits and production switches that protect the service from careless or hostile clients (issue 7):
 * query limits, request body size, rate limits, introspection, landing page, log format, proxies,
 * shutdown. Read from the environment by `loadConfig` (src/config/configuration.ts); documented in
 * the README's configuration table.
 */
export interface QueryLimits {
  /** Deepest field nesting of one operation (leaf fields count; fragments are flattened). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens of the document; the parser stops at this many. */
  maxTokens: number;
  /** Bytes (UTF-8) of the query text. */
  maxDocumentBytes: number;
  /** Estimated cost: 1 per field; a connection multiplies its selection by `first` (default 20). */
  maxCost: number;
  /** What a plain list field (not a connection) multiplies its selection by in the cost estimate. */
  listCostFactor: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  /** The window the counts below apply to, in milliseconds. */
  windowMs: number;
  /** GraphQL requests per window for one bearer token (0: no per-token limit). */
  perToken: number;
  /** GraphQL requests per window from one client address (0: no per-address limit). */
  perAddress: number;
  /** WebSocket upgrades (new connections) per window from one client address (0: no limit). */
  upgradesPerAddress: number;
}

export interface HardeningConfig {
  queryLimits: QueryLimits;
  /** Largest accepted request body (JSON), in bytes. */
  maxBodyBytes: number;
  rateLimit: RateLimitConfig;
  /** Active subscriptions one WebSocket connection may hold at once (0: no limit). */
  wsMaxSubscriptions: number;
  /** Answer introspection queries. */
  introspection: boolean;
  /** Serve GraphiQL at GET /graphql in a browser. */
  landingPage: boolean;
  /** `json`: one JSON object per line (time, level, context, message, requestId); `text`: Nest's coloured lines. */
  logFormat: 'json' | 'text';
  /** Fastify's `trustProxy`: false, true, a hop count or a list of addresses/subnets; decides the client address. */
  trustProxy: boolean | number | string;
  /** After SIGTERM/SIGINT the process exits at the latest after this many milliseconds. */
  shutdownTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function count(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || /^(false|0|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The defaults let every operation in schema/operations and the README through with room to spare. */
export function loadHardeningConfig(env: Env, production: boolean): HardeningConfig {
  const logFormat = env.LOG_FORMAT ?? (production ? 'json' : 'text');
  if (logFormat !== 'json' && logFormat !== 'text')
    throw new Error(`LOG_FORMAT must be json or text, got "${logFormat}"`);
  return {
    queryLimits: {
      maxDepth: count('QUERY_MAX_DEPTH', env.QUERY_MAX_DEPTH, 10, 1),
      maxAliases: count('QUERY_MAX_ALIASES', env.QUERY_MAX_ALIASES, 15),
      maxTokens: count('QUERY_MAX_TOKENS', env.QUERY_MAX_TOKENS, 1000, 1),
      maxDocumentBytes: count('QUERY_MAX_BYTES', env.QUERY_MAX_BYTES, 20_000, 1),
      maxCost: count('QUERY_MAX_COST', env.QUERY_MAX_COST, 20_000, 1),
      listCostFactor: count('QUERY_LIST_COST_FACTOR', env.QUERY_LIST_COST_FACTOR, 5, 1),
    },
    maxBodyBytes: count('MAX_BODY_BYTES', env.MAX_BODY_BYTES, 4 * 1024 * 1024, 1024),
    rateLimit: {
      enabled: flag('RATE_LIMIT_ENABLED', env.RATE_LIMIT_ENABLED, true),
      windowMs: count('RATE_LIMIT_WINDOW_MS', env.RATE_LIMIT_WINDOW_MS, 60_000, 1000),
      perToken: count('RATE_LIMIT_PER_TOKEN', env.RATE_LIMIT_PER_TOKEN, 1200),
      perAddress: count('RATE_LIMIT_PER_ADDRESS', env.RATE_LIMIT_PER_ADDRESS, 3000),
      upgradesPerAddress: count('WS_UPGRADES_PER_ADDRESS', env.WS_UPGRADES_PER_ADDRESS, 300),
    },
    wsMaxSubscriptions: count('WS_MAX_SUBSCRIPTIONS', env.WS_MAX_SUBSCRIPTIONS, 100),
    introspection: flag('INTROSPECTION', env.INTROSPECTION, !production),
    landingPage: flag('LANDING_PAGE', env.LANDING_PAGE, !production),
    logFormat,
    trustProxy: trustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: count('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000, 1000),
  };
}
