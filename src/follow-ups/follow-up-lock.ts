import type { EntityManager } from 'typeorm';

/**
 * Takes a row lock on a follow-up inside the caller's transaction, on PostgreSQL: `UPDATE` for a
 * write that decides from rows other transactions may add (turning it PRIVATE counts the other
 * organisations' reuses and deviations; closing counts unresolved deviations; opening a deviation
 * may move it back to COMPLETED), `SHARE` for one that adds such a row (recordReuse), so the check
 * and the addition cannot interleave. On SQLite writes run one at a time anyway (TransactionService).
 */
export async function lockFollowUp(manager: EntityManager, id: string, mode: 'UPDATE' | 'SHARE'): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query(`SELECT id FROM follow_ups WHERE id = $1 FOR ${mode}`, [id]);
}
