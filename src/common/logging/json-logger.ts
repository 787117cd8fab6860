import type { LoggerService, LogLevel } from '@nestjs/common';
import { RequestLogMessage } from './request-context.js';

/** One log line. */
export interface LogEntry {
  time: string;
  level: LogLevel;
  context?: string;
  message: string;
  requestId?: string;
  stack?: string;
}

/**
 * Structured logs for production (LOG_FORMAT=json): one JSON object per line on stdout, with the
 * time, level, context, message and, for a line about a request (RequestLogMessage), its id; an error's stack goes in `stack`,
 * never to a client. Nest calls `log(message, context)` and `error(message, stack?, context)`.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly levels: LogLevel[],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, ...params: unknown[]) {
    this.emit('log', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.emit('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.emit('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.emit('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.emit('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.emit('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]) {
    this.levels.splice(0, this.levels.length, ...levels);
  }

  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (level !== 'fatal' && !this.levels.includes(level)) return;
    const rest = [...params];
    const context = rest.length && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack =
      level === 'error' || level === 'fatal'
        ? rest.find((p): p is string => typeof p === 'string' && p.length > 0)
        : undefined;
    const about = message instanceof RequestLogMessage ? message : null;
    const entry: LogEntry = {
      time: new Date().toISOString(),
      level,
      ...(context ? { context } : {}),
      message: about ? about.message : text(message),
    };
    if (about?.requestId) entry.requestId = about.requestId;
    const errorStack = message instanceof Error ? message.stack : stack;
    if (errorStack) entry.stack = errorStack;
    this.write(`${JSON.stringify(entry)}\n`);
  }
}

function text(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message);
  }
}
