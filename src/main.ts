import 'reflect-metadata';
import { bootstrapLogger, createApp } from './bootstrap.js';
import { loadConfig } from './config/configuration.js';

const config = loadConfig();
const app = await createApp();
await app.listen(config.port, config.host);
bootstrapLogger.log(
  `kemkollen listening on http://localhost:${config.port}/graphql (${config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.databasePath}`})`,
);
