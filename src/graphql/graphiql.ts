import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * GraphiQL from the service's own files (development only, like the landing page): React, ReactDOM
 * and GraphiQL's browser builds are served from node_modules under /graphiql/, so the page works on
 * a network without internet (the regions' internal networks) and never loads anything from a CDN.
 * The versions are the ones package-lock.json pins (graphiql 3, the last with a browser build that
 * takes React as a global; React 18, the last with UMD builds).
 */
const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  '/graphiql/react.js': { module: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/graphiql/react-dom.js': { module: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const EXAMPLE = `# Welcome to kemkollen. Every operation needs a bearer token: set it in the Headers tab below,
# {"Authorization": "Bearer <your token>"} (the demo data's tokens: kk_demo_reader, kk_demo_skane…).
# Subscriptions are served over WebSocket (graphql-ws) at ws://<this host>/graphql.
#
# The pre-audit question: has anyone tested the product with this GTIN for phthalates lately?
query PreAudit {
  followUps(filter: { gtin: "07350012340018", requirementCodes: ["K-PHT-01"], performedFrom: "2023-01-01" }) {
    totalCount
    nodes {
      id
      performedOn
      method
      organisation { id name }
      product { id name gtin }
      reportReference
    }
  }
}
`;

const html = () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>kemkollen GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <style>body { margin: 0; } #graphiql { height: 100dvh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultQuery: ${JSON.stringify(EXAMPLE)},
          defaultHeaders: ${JSON.stringify(JSON.stringify({ Authorization: 'Bearer kk_demo_reader' }, null, 2))},
          defaultEditorToolsVisibility: 'headers',
        }),
      );
    </script>
  </body>
</html>`;

/**
 * Serves GraphiQL: its page for a browser's GET /graphql (HTML asked for, no query in the URL;
 * answered before Apollo, whose own landing page is off), and its files under /graphiql/ (read
 * once, kept in memory).
 */
export function registerGraphiQL(app: NestFastifyApplication): void {
  const require = createRequire(import.meta.url);
  const fastify = app.getHttpAdapter().getInstance();
  const page = html();
  fastify.addHook('onRequest', (request, reply, done) => {
    const [path, search = ''] = request.url.split('?');
    const wantsHtml = String(request.headers.accept ?? '').includes('text/html');
    if (request.method === 'GET' && path === '/graphql' && wantsHtml && !new URLSearchParams(search).has('query'))
      void reply.header('content-type', 'text/html; charset=utf-8').send(page);
    else done();
  });
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(join(dirname(require.resolve(`${asset.module}/package.json`)), asset.file));
    fastify.get(path, (_request, reply) => {
      void reply.header('content-type', `${asset.type}; charset=utf-8`).header('cache-control', 'max-age=3600');
      return reply.send(body);
    });
  }
}
