import { badInput } from '../../common/errors/domain-error.js';

/** The value of one sort key at a node: what a cursor holds. */
export type CursorValue = string | number | null;

/** How a list writes a node's position (the values of its sort keys) as a cursor, and reads it back. */
export interface CursorCodec {
  encode(values: readonly CursorValue[]): string;
  /**
   * The sort-key values a cursor stands for (`arity` of them); null for no cursor, or one that means
   * the start of the list. A cursor the list did not issue is BAD_USER_INPUT naming `field`
   * (`after`, or `before` for a page read backwards).
   */
  decode(cursor: string | null | undefined, arity: number, field?: 'after' | 'before'): CursorValue[] | null;
}

const notIssued = (cursor: string, field: 'after' | 'before' = 'after') =>
  badInput(field, `"${cursor}" is not a cursor this list issued`);

/** The catalogue's and `followUps`' cursors: the sort-key values as base64url JSON, opaque to clients. */
export const keysetCursor: CursorCodec = {
  encode: (values) => Buffer.from(JSON.stringify(values)).toString('base64url'),
  decode(cursor, arity, field) {
    if (!cursor) return null;
    try {
      const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (
        Array.isArray(values) &&
        values.length === arity &&
        values.every((v) => v === null || ['string', 'number'].includes(typeof v))
      )
        return values as CursorValue[];
    } catch {
      /* not base64 JSON: refused below */
    }
    throw notIssued(cursor, field);
  },
};

/** The largest `seq` the log's column holds (a 32-bit integer on both engines). */
const MAX_SEQ = 2_147_483_647;

/**
 * `auditLog`'s cursors: an event's `seq` as decimal text (the entry's id, README). Anything else,
 * or a number beyond any seq, is refused; "0" is a position like any other (before the first event).
 */
export const seqCursor: CursorCodec = {
  encode: (values) => String(values[0]),
  decode(cursor, _arity, field) {
    if (cursor === null || cursor === undefined) return null;
    const seq = /^\d{1,10}$/.test(cursor) ? Number(cursor) : NaN;
    if (!(seq >= 0 && seq <= MAX_SEQ)) throw notIssued(cursor, field);
    return [seq];
  },
};

/**
 * The `events` query's cursors, the same as the `followUpEvents` subscription's: an event's `seq`
 * as decimal text. "0" (the README's `after: "0"`) is the start of the log, and a number beyond any
 * seq its end (an empty page), as the arguments allow up to 15 digits.
 */
export const feedCursor: CursorCodec = {
  encode: seqCursor.encode,
  decode(cursor, _arity, field) {
    if (!cursor) return null;
    if (!/^\d{1,15}$/.test(cursor)) throw notIssued(cursor, field);
    const seq = Math.min(Number(cursor), MAX_SEQ);
    return seq > 0 ? [seq] : null;
  },
};
