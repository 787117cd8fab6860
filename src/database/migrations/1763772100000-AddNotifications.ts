import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, fk, id, int, ref, str, text, timestamp, timestamps } from './columns.js';

/**
 * Watching and notifications (issue 19, items 3 and 4): watches, e-mail settings, webhooks, the
 * outbox of deliveries with its unique idempotency keys, and a cursor per channel over the event
 * log. The cursors start at the log's head: a new installation tells of what happens from now on.
 */
export class AddNotifications1763772100000 implements MigrationInterface {
  name = 'AddNotifications1763772100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'watches',
        columns: [id(), ref('principal_id'), str('kind', 20), ref('target_id'), ...timestamps()],
        uniques: [{ columnNames: ['principal_id', 'kind', 'target_id'] }],
        indices: [{ columnNames: ['kind', 'target_id'] }],
        foreignKeys: [fk('principal_id', 'principals')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_settings',
        columns: [{ ...ref('principal_id'), isPrimary: true }, str('email_mode', 20), timestamp('updated_at')],
        foreignKeys: [fk('principal_id', 'principals')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          id(),
          ref('principal_id'),
          str('url', 2000),
          str('secret', 100),
          text('events'),
          bool('enabled'),
          int('consecutive_failures'),
          timestamp('disabled_at', true),
          ...timestamps(),
        ],
        indices: [{ columnNames: ['principal_id'] }],
        foreignKeys: [fk('principal_id', 'principals')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'deliveries',
        columns: [
          id(),
          str('channel', 20),
          str('idempotency_key', 200),
          ref('principal_id'),
          ref('webhook_id', true),
          str('reason', 30),
          int('event_seq', true),
          ref('follow_up_id', true),
          text('payload'),
          bool('digest'),
          str('status', 20),
          int('attempts'),
          timestamp('next_attempt_at'),
          timestamp('claimed_until', true),
          int('response_status', true),
          text('last_error', true),
          timestamp('sent_at', true),
          ...timestamps(),
        ],
        uniques: [{ columnNames: ['idempotency_key'] }],
        indices: [{ columnNames: ['status', 'next_attempt_at'] }, { columnNames: ['webhook_id', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_cursors',
        columns: [{ ...str('channel', 20), isPrimary: true }, int('seq'), timestamp('updated_at')],
      }),
    );
    const [head] = (await q.query('SELECT COALESCE(MAX(seq), 0) AS head FROM events')) as Array<{ head: number }>;
    const now = new Date().toISOString();
    for (const channel of ['EMAIL', 'WEBHOOK'])
      await q.query(
        `INSERT INTO notification_cursors (channel, seq, updated_at) VALUES ('${channel}', ${Number(head?.head ?? 0)}, '${now}')`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_cursors', 'deliveries', 'webhooks', 'notification_settings', 'watches'])
      await q.dropTable(table);
  }
}
