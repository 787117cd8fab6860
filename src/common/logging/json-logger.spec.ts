import { JsonLogger } from './json-logger.js';
import { currentRequestId, requestContextMiddleware, requestIdMiddleware } from './request-context.js';

describe('JsonLogger', () => {
  const capture = (levels: Parameters<typeof JsonLogger['prototype']['setLogLevels']>[0] = ['error', 'warn', 'log']) => {
    const lines: string[] = [];
    return { sut: new JsonLogger([...levels], (line) => lines.push(line)), lines, parsed: () => lines.map((l) => JSON.parse(l)) };
  };

  it('writes one JSON object per line: time, level, context, message', () => {
    const { sut, lines, parsed } = capture();
    sut.log('started', 'Bootstrap');
    sut.warn({ slow: true }, 'Db');
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(parsed()).toEqual([
      { time: expect.any(String), level: 'log', context: 'Bootstrap', message: 'started' },
      { time: expect.any(String), level: 'warn', context: 'Db', message: '{"slow":true}' },
    ]);
  });

  it('keeps an error\'s stack in the log line, and drops levels not enabled', () => {
    const { sut, parsed } = capture(['error']);
    sut.log('not shown', 'X');
    sut.error('failed\nsecond line', 'Error: boom\n    at f (a.js:1:1)', 'GraphQL');
    expect(parsed()).toEqual([{ time: expect.any(String), level: 'error', context: 'GraphQL', message: 'failed\nsecond line', stack: 'Error: boom\n    at f (a.js:1:1)' }]);
  });

  it('adds the request id inside a request', () => {
    const { sut, parsed } = capture();
    const req = { headers: { 'x-request-id': 'abc-123' } } as never;
    const res = { setHeader: () => undefined } as never;
    requestIdMiddleware(req, res, () => requestContextMiddleware(req, res, () => {
      expect(currentRequestId()).toBe('abc-123');
      sut.log('inside', 'Test');
    }));
    sut.log('outside', 'Test');
    expect(parsed().map((l) => l.requestId)).toEqual(['abc-123', undefined]);
  });
});
