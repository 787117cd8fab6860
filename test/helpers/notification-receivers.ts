import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  idempotencyKey: string | null;
  raw: string;
}

/** A real SMTP server on loopback (the `smtp-server` package): what nodemailer sends arrives here. */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          const header = (name: string) =>
            new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1]?.trim() ?? null;
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: header('Subject') ?? '',
            idempotencyKey: header('X-Kemkollen-Idempotency-Key'),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** One request the receiver got. */
export interface ReceivedHook {
  path: string;
  key: string;
  signature: string;
  body: string;
  at: number;
  answered: number;
}

/**
 * A local webhook receiver (plain HTTP, development mode). `failFirst` per path: how many requests
 * per idempotency key it answers 500 before 200 (Infinity: always 500).
 */
export class TestWebhookReceiver {
  readonly received: ReceivedHook[] = [];
  readonly failFirst = new Map<string, number>();
  private server: Server | null = null;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const key = String(req.headers['x-kemkollen-idempotency-key'] ?? '');
        const path = req.url ?? '/';
        const before = this.received.filter((r) => r.path === path && r.key === key).length;
        const answered = before < (this.failFirst.get(path) ?? 0) ? 500 : 200;
        this.received.push({
          path,
          key,
          signature: String(req.headers['x-kemkollen-signature'] ?? ''),
          body,
          at: Date.now(),
          answered,
        });
        res.statusCode = answered;
        res.end(answered === 200 ? 'ok' : 'nej');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  at(path: string): ReceivedHook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
