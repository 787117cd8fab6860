// The benchmark's peer: PostGraphile v4 serving the service's PostgreSQL schema, as a team would run
// it instead of writing a service: production settings, the visibility rule as row-level security
// (set up by bench/lib.mjs preparePeerSchema), the viewer's role and organisation from a JWT, and
// as many pooled connections as the service has (10).
//
//   node bench/postgraphile/server.mjs <DATABASE_URL> <schema> <JWT secret> <port>   (prints "listening <port>")
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const [connectionString, schema, jwtSecret, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
const middleware = postgraphile(pool, schema, {
  graphqlRoute: '/graphql',
  jwtSecret,
  // The role and claims come from the token; without one, a request has no role and sees nothing.
  disableQueryLog: true,
  enableQueryBatching: false,
  retryOnInitFail: false,
  watchPg: false,
  graphiql: false,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  disableDefaultMutations: true,
  // The service lists follow-ups never performed last; PostgreSQL's DESC would put them first.
  graphileBuildOptions: { orderByNullsLast: true },
});
const server = createServer(middleware);
server.listen(Number(port ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
