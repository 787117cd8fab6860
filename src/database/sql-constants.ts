/**
 * Constant values of the code (the vocabulary's: `COUNTING_STATUSES`…) as an SQL list of text
 * literals, `'COMPLETED', 'CLOSED'`, for an `IN (…)` written into the statement. The statement is
 * then the same text as a hand-written list: the query planner sees the values and keeps the plan
 * it had (bound parameters would hide them from SQLite's planner), and no parameter is added.
 * Only for the code's own constants, never for input: anything but A–Z, 0–9 and _ is refused.
 */
export function sqlConstantList(values: readonly string[]): string {
  if (!values.length) throw new Error('sqlConstantList: an empty list makes no IN (…)');
  return values
    .map((v) => {
      if (!/^[A-Z0-9_]+$/.test(v)) throw new Error(`sqlConstantList: ${JSON.stringify(v)} is not a constant value`);
      return `'${v}'`;
    })
    .join(', ');
}
