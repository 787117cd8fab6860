import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { AppModule } from './app.module.js';
import { DomainErrorFilter } from './common/errors/domain-error.filter.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { applyHttpHardening, createFastifyAdapter } from './common/http/http-hardening.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { validationPipe } from './common/validation/validation.pipe.js';
import { loadConfig } from './config/configuration.js';
import { SeedService } from './seeding/seed.service.js';
import { serveWebApp } from './web-app/web-app.js';
import { registerGraphiQL } from './graphql/graphiql.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the application as `npm start` runs it; tests call it too, so they exercise the same
 * wiring (pipes, guards, seeding) through HTTP.
 */
export async function createApp(options: { seed?: boolean; logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const levels = LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);
  const logger = options.logger === false ? false : config.logFormat === 'json' ? new JsonLogger(levels) : levels;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(config), { logger });
  // Request ids, rate limits, body size, clean HTTP errors (src/common/http/http-hardening.ts).
  await applyHttpHardening(app, config);
  // Uploads (POST /imports): one file of at most IMPORT_MAX_MB, a few small fields.
  await app.register(multipart, {
    limits: { fileSize: config.importMaxBytes, files: 1, fields: 8, fieldSize: 1000, parts: 10 },
  });
  // Cookies for sign-in (src/sign-in): the session and the sign-in attempt.
  await app.register(cookie);
  // The web app (web/dist) at `/`, with its cache headers and Content-Security-Policy.
  await serveWebApp(app, config.webDist);
  if (config.landingPage) registerGraphiQL(app);
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  if (options.seed ?? config.seedOnStart) {
    await app.get(SeedService).seedIfEmpty({ demo: config.demoData });
  }
  return app;
}

export const bootstrapLogger = new Logger('Bootstrap');
