/**
 * The SQLite text of a read, with each key placeholder written `+?`: a `?` compared with an id
 * column (`id` or `…_id`, by `=` or in an `IN (…)` list). `+?` is a no-op on the value, which keeps
 * its type and takes the column's affinity in a comparison as a bare parameter does.
 *
 * Why: better-sqlite3's SQLite is built with STAT4, and `ANALYZE` (run by `generate`, or by an
 * operator, as `PRAGMA optimize` may) leaves samples of index keys in `sqlite_stat4`. When a bare
 * parameter is compared with an indexed column that has samples, the planner reads the bound value to
 * estimate the rows, and marks the statement to be compiled again whenever that parameter is bound
 * again: a prepared statement then re-parses and re-plans its whole text on every lookup of a
 * different product (perf: `sqlite3Reprepare` was 9.5 % of the service's CPU under uniform lookups,
 * and half of the lookup's time in SQLite). The planner does not evaluate `+?`, so a statement whose
 * only parameters are keys is planned once, from the averages in `sqlite_stat1`, as PostgreSQL's
 * generic plan would be.
 *
 * Why keys only: a key selects few rows whatever its value, and the plans of the hot reads are the
 * same either way. A filter's value (a status, a method, a date) is where STAT4 earns its keep: on
 * the bench's data it plans `status = 'COMPLETED'` (most rows) as a scan and a rare status through
 * the index. Of 59 statements in a mix of reads, the 4 lists whose plan a value changes ran 3 to
 * 15 % faster so planned than with one plan for every value; such a list costs milliseconds, against
 * which compiling its text again is small. The text here has no `?`
 * inside string literals (see SqlReader's `postgres`).
 */
export function stablePlan(sql: string): string {
  return sql
    .replace(KEY_EQUALS, '$1+?')
    .replace(KEY_IN, (_match, head: string, list: string) => `${head}${list.replace(/\?/g, '+?')})`);
}

/** `id = ?`, `f.product_id = ?`, `"organisation_id" = ?`. */
const KEY_EQUALS = /(\b(?:id|\w+_id)"?\s*=\s*)\?/gi;
/** `m.follow_up_id IN (?, ?, ?)`. */
const KEY_IN = /(\b(?:id|\w+_id)"?\s+IN\s*\()([?,\s]+)\)/gi;
