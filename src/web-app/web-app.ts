import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Vite names every built asset by a hash of its content, so a browser may keep it for good. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/;

/**
 * The Content-Security-Policy of the web app's pages: everything from this service and nothing from
 * elsewhere (no CDN: the app must work on a network without internet). `connect-src 'self'` covers
 * both /graphql and the graphql-ws socket on the same origin (CSP level 3 lets 'self' match ws:/wss:).
 * Styles set by script through the DOM (React's `style` prop) are not inline styles in CSP's sense.
 */
export const WEB_APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Serves the built web app (web/dist) at `/` beside /graphql: hashed assets with a year-long immutable
 * cache, index.html revalidated on every visit (it names the current assets), and index.html for any
 * other GET that is not an API route (the app's own paths such as /products/…). Helmet's headers, the
 * CSP among them, are set in an encapsulated Fastify context, so they apply to these routes only and
 * not to /graphql, where GraphiQL (outside production) loads its own scripts.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) {
    new Logger('WebApp').warn(
      `${join(root, 'index.html')} not found: the web app is not served (npm run build makes it)`,
    );
    return false;
  }
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(async (scope) => {
    await scope.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: WEB_APP_CSP },
      crossOriginEmbedderPolicy: false,
    });
    await scope.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const url = '/' + relative(root, path).replaceAll('\\', '/');
        void reply.header('cache-control', HASHED_ASSET.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The app's own paths (/products/…) load index.html; a missing file (anything with an extension) is a 404.
    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) =>
      /\.[A-Za-z0-9]+$/.test(request.url.split('?')[0] ?? '')
        ? reply.callNotFound()
        : reply.type('text/html; charset=utf-8').sendFile('index.html');
    scope.get('/', sendIndex);
    scope.get('/*', sendIndex);
  });
  return true;
}
