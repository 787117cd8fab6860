import type Database from 'better-sqlite3';
import { type DataSourceOptions } from 'typeorm';
import { type AppConfig } from '../config/configuration.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one function that builds TypeORM's options per driver from the configuration:
 * PostgreSQL when DATABASE_URL is set, else the embedded SQLite file. The schema always comes
 * from the migrations (run at start), never from `synchronize`, so tests exercise them too.
 */
export function buildDataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false as const,
  };
  if (config.databaseUrl) {
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      extra: {
        max: 10,
        connectionTimeoutMillis: 5000,
        // Hand-written SQL names tables without a schema: resolve them in the configured one.
        ...(config.databaseSchema ? { options: `-c search_path=${config.databaseSchema}` } : {}),
      },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.databasePath,
    enableWAL: true,
    timeout: config.sqliteBusyTimeoutMs,
    prepareDatabase: (db: Database.Database) => {
      db.pragma(`busy_timeout = ${config.sqliteBusyTimeoutMs}`);
      db.pragma('synchronous = NORMAL');
    },
  };
}
