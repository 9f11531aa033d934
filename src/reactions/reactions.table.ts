import type { Selectable } from 'kysely';

/**
 * One reader's current reaction to one story. The primary key (article_id, reader_id) is the
 * "one vote per reader per article" rule, enforced by the database rather than by code.
 */
export interface ReactionTable {
  article_id: number;
  /** Random id from the reader's signed cookie (or `demo-…` for seeded votes). */
  reader_id: string;
  /** Key of a reaction in the configured set, e.g. `love`. */
  reaction: string;
  /** When the reader chose this reaction (set again on a switch); drives "this week" lists. */
  voted_at: string;
}

/**
 * Running totals per story and reaction, changed in the same transaction as the votes they count,
 * so a page reads six rows instead of counting every vote (see reactions.repository.ts).
 */
export interface ReactionTotalTable {
  article_id: number;
  reaction: string;
  /** Number of rows in `reactions` with this article and reaction; never negative (CHECK). */
  votes: number;
}

export type ReactionRow = Selectable<ReactionTable>;
