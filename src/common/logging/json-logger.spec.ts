import { JsonLogger } from './json-logger.js';
import { RequestLogMessage, requestIdOf, requestIdOfError, tagErrorWithRequest } from './request-context.js';

describe('JsonLogger', () => {
  const capture = (
    levels: Parameters<(typeof JsonLogger)['prototype']['setLogLevels']>[0] = ['error', 'warn', 'log'],
  ) => {
    const lines: string[] = [];
    return {
      sut: new JsonLogger([...levels], (line) => lines.push(line)),
      lines,
      parsed: () => lines.map((l) => JSON.parse(l)),
    };
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

  it("keeps an error's stack in the log line, and drops levels not enabled", () => {
    const { sut, parsed } = capture(['error']);
    sut.log('not shown', 'X');
    sut.error('failed\nsecond line', 'Error: boom\n    at f (a.js:1:1)', 'GraphQL');
    expect(parsed()).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        context: 'GraphQL',
        message: 'failed\nsecond line',
        stack: 'Error: boom\n    at f (a.js:1:1)',
      },
    ]);
  });

  it('writes the request id of a line about a request, and the message alone', () => {
    const { sut, parsed } = capture();
    sut.error(new RequestLogMessage('[e1] boom', 'abc-123'), 'GraphQL');
    sut.log(new RequestLogMessage('no request', undefined), 'Test');
    sut.log('plain', 'Test');
    expect(parsed()).toEqual([
      { time: expect.any(String), level: 'error', context: 'GraphQL', message: '[e1] boom', requestId: 'abc-123' },
      { time: expect.any(String), level: 'log', context: 'Test', message: 'no request' },
      { time: expect.any(String), level: 'log', context: 'Test', message: 'plain' },
    ]);
    expect(String(new RequestLogMessage('x', 'r1'))).toBe('x (request r1)');
  });
});

describe('request ids', () => {
  it('keeps a sensible x-request-id, else makes one (the echo: test/http-protocol)', () => {
    expect(requestIdOf('abc-123')).toBe('abc-123');
    expect(requestIdOf('not ok; <script>')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finds the request an error was tagged with, through the errors that wrap it', () => {
    const original = new Error('driver failed');
    tagErrorWithRequest(original, 'req-7');
    const wrapped = Object.assign(new Error('wrapped'), {
      originalError: Object.assign(new Error('middle'), { cause: original }),
    });
    expect(requestIdOfError(wrapped)).toBe('req-7');
    expect(requestIdOfError(new Error('untagged'))).toBeUndefined();
    expect(requestIdOfError(null)).toBeUndefined();
    tagErrorWithRequest(new Error('no id'), undefined);
  });
});
