import 'reflect-metadata';
import { bootstrapLogger, createApp } from './bootstrap.js';
import { applyHeapPolicy } from './common/memory/heap-policy.js';
import { loadConfig } from './config/configuration.js';
import { startDevIdentityProvider } from './sign-in/dev-identity-provider.js';

const config = loadConfig();
// Collect garbage sooner than V8 would on a large machine (HEAP_GROWING_PERCENT; bench/report.md).
const heapFlag = applyHeapPolicy(config.heapGrowingPercent);
const app = await createApp();
// Graceful shutdown is Nest's (enableShutdownHooks): on SIGTERM Apollo drains the HTTP server (no new
// connections, in-flight requests finish), subscriptions close, then the database. Whatever still
// hangs after SHUTDOWN_TIMEOUT_MS (default 10 s) is cut short here.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    bootstrapLogger.log(`${signal} received: finishing in-flight requests, then exiting`);
    setTimeout(() => {
      bootstrapLogger.error(`still running ${config.shutdownTimeoutMs} ms after ${signal}: exiting now`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
  });
}
await app.listen(config.port, config.host);
// Development only (refused in production): the local OpenID Provider the demo organisations sign in through.
const devIdentityProvider = await startDevIdentityProvider(config);
if (devIdentityProvider) app.getHttpServer().once('close', () => void devIdentityProvider.close());
if (heapFlag) bootstrapLogger.debug(`V8 heap: ${heapFlag}`);
bootstrapLogger.log(
  `kemkollen listening on http://localhost:${config.port}/graphql (${config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.databasePath}`})`,
);
