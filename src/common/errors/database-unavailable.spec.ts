import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { formatGraphQLError } from './format-error.js';

describe('isDatabaseUnavailable', () => {
  const wrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });
  it.each([
    [
      'PostgreSQL shutting down (57P01)',
      wrapped({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ],
    ['PostgreSQL starting up (57P03)', wrapped({ code: '57P03', message: 'the database system is starting up' })],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection cut', new Error('Connection terminated unexpectedly')],
    ['SQLite locked', wrapped({ code: 'SQLITE_BUSY', message: 'database is locked' })],
    [
      'a transaction whose connection died',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
  ])('%s: yes', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true));
  it.each([
    ['a unique violation', wrapped({ code: '23505' })],
    ['a syntax error', wrapped({ code: '42601' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('%s: no', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it("is answered SERVICE_UNAVAILABLE, without the driver's message", () => {
    const error = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', {
      originalError: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    });
    const formatted = formatGraphQLError({ message: error.message }, error);
    expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(formatted.message).toMatch(/^The database is unavailable; try again shortly \(error id [0-9a-f-]{36}\)$/);
  });
});
