import { placeholders } from './sql-reader.js';

/**
 * The WHERE clause of a hand-written SELECT, built one condition at a time: each condition with
 * `?` placeholders for its own values, all values in order (SqlReader rewrites the placeholders for
 * PostgreSQL). Every filter of every list is one of these (the catalogue's, `followUps`' and its
 * CSV export's, the event log's), so that PageReader can count it, page it and, where a relation
 * pages per parent, partition it, without knowing which filter it holds.
 */
export class SqlWhere {
  private readonly conditions: string[] = [];
  private readonly values: unknown[] = [];

  /** Adds a condition with a `?` for each of `values`. */
  and(condition: string, ...values: unknown[]): this {
    this.conditions.push(condition);
    this.values.push(...values);
    return this;
  }

  /** `column = ?` when the filter field is set (an empty string, null or undefined is no condition). */
  equal(column: string, value: string | null | undefined): this {
    return value ? this.and(`${column} = ?`, value) : this;
  }

  /** `column IN (?, …)`. */
  in(column: string, values: readonly unknown[]): this {
    return this.and(`${column} IN (${placeholders(values.length)})`, ...values);
  }

  /**
   * A case-insensitive search for `text` within `column`, a lower-cased copy of the searchable
   * fields (SQLite's LOWER is ASCII-only, so the text is lower-cased once, when written). No text,
   * no condition.
   */
  search(column: string, text: string | null | undefined): this {
    return text ? this.and(`${column} LIKE ? ESCAPE '\\'`, likePattern(text)) : this;
  }

  /** ` WHERE a AND b`, or nothing. */
  get sql(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** The values of the placeholders, in order. */
  get params(): readonly unknown[] {
    return this.values;
  }

  /** A copy to add conditions to (a page's keyset, a stretch of the log) without changing this one. */
  clone(): SqlWhere {
    const copy = new SqlWhere();
    copy.conditions.push(...this.conditions);
    copy.values.push(...this.values);
    return copy;
  }
}

/** Escapes a user's search text for a LIKE pattern (with ESCAPE '\\'). */
export function likePattern(search: string): string {
  return `%${search
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
