// The SQLite hot path: the same reads and writes as the Kysely ones in reactions.repository.ts,
// as prepared statements run synchronously by better-sqlite3, and the votes of one turn of the
// event loop committed together (queueVote). On this 2-core machine (bench/votes.ts) the server
// took about 1,400 votes/s through Kysely, 3,500 with these statements and a commit per vote, and
// 9,000 to 10,000 with commits shared. The rules of the repository hold unchanged: one writer at a
// time (a transaction runs to its end without yielding), totals changed by the rows' deltas.
//
// Used only while no Kysely transaction is open on the shared connection (`usableSqlite`, and
// again when a batch is due); otherwise the Kysely path runs, after that transaction ends.
import type SQLite from 'better-sqlite3';
import type { Db } from '../db/connection.js';
import { groupCommit } from '../db/group-commit.js';
import type { ArticleForVotes, VoteChange } from './reactions.repository.js';

interface Statements {
  article: SQLite.Statement<[string], ArticleForVotes>;
  totals: SQLite.Statement<[number], { reaction: string; votes: number }>;
  vote: SQLite.Statement<[number, string], { reaction: string }>;
  insertVote: SQLite.Statement<[number, string, string, string], { reaction: string }>;
  updateVote: SQLite.Statement<[string, string, number, string]>;
  deleteVote: SQLite.Statement<[number, string], { reaction: string }>;
  increment: SQLite.Statement<[number, string]>;
  decrement: SQLite.Statement<[number, string]>;
  /** One vote as a transaction; called inside the batch's transaction, it runs as a savepoint. */
  write: (v: VoteInput) => VoteChange & { totals: Map<string, number> };
}

export interface VoteInput {
  articleId: number;
  readerId: string;
  reaction: string | null;
  at: string;
}

const prepared = new WeakMap<SQLite.Database, Statements>();

/** The raw handle when the fast path may run now, else undefined. */
export function usableSqlite(db: Db): SQLite.Database | undefined {
  return db.sqlite && !db.sqlite.inTransaction ? db.sqlite : undefined;
}

function statementsFor(raw: SQLite.Database): Statements {
  const existing = prepared.get(raw);
  if (existing) return existing;
  const s = {
    article: raw.prepare('select id, slug, headline, status, published_at from articles where slug = ?'),
    totals: raw.prepare('select reaction, votes from reaction_totals where article_id = ?'),
    vote: raw.prepare('select reaction from reactions where article_id = ? and reader_id = ?'),
    insertVote: raw.prepare('insert into reactions (article_id, reader_id, reaction, voted_at) values (?, ?, ?, ?) on conflict (article_id, reader_id) do nothing returning reaction'),
    updateVote: raw.prepare('update reactions set reaction = ?, voted_at = ? where article_id = ? and reader_id = ?'),
    deleteVote: raw.prepare('delete from reactions where article_id = ? and reader_id = ? returning reaction'),
    increment: raw.prepare('insert into reaction_totals (article_id, reaction, votes) values (?, ?, 1) on conflict (article_id, reaction) do update set votes = reaction_totals.votes + 1'),
    decrement: raw.prepare('update reaction_totals set votes = votes - 1 where article_id = ? and reaction = ?'),
  } as Omit<Statements, 'write'>;
  const write = raw.transaction((v: VoteInput) => {
    let previous: string | null;
    if (v.reaction === null) {
      previous = s.deleteVote.get(v.articleId, v.readerId)?.reaction ?? null;
      if (previous) s.decrement.run(v.articleId, previous);
    } else if (s.insertVote.get(v.articleId, v.readerId, v.reaction, v.at)) {
      previous = null;
      s.increment.run(v.articleId, v.reaction);
    } else {
      previous = s.vote.get(v.articleId, v.readerId)!.reaction;
      if (previous !== v.reaction) {
        s.updateVote.run(v.reaction, v.at, v.articleId, v.readerId);
        s.decrement.run(v.articleId, previous);
        s.increment.run(v.articleId, v.reaction);
      }
    }
    // Read inside the transaction: the counts the answer shows include this vote and no later one.
    return { previous, current: v.reaction, totals: totalsMap(s.totals.all(v.articleId)) };
  });
  const statements = { ...s, write } as Statements;
  prepared.set(raw, statements);
  return statements;
}

const totalsMap = (rows: { reaction: string; votes: number }[]) => new Map(rows.map((r) => [r.reaction, r.votes]));

export function findArticleSync(raw: SQLite.Database, slug: string): ArticleForVotes | undefined {
  return statementsFor(raw).article.get(slug);
}

export function readTotalsSync(raw: SQLite.Database, articleId: number): Map<string, number> {
  return totalsMap(statementsFor(raw).totals.all(articleId));
}

export function readVoteSync(raw: SQLite.Database, articleId: number, readerId: string): string | null {
  return statementsFor(raw).vote.get(articleId, readerId)?.reaction ?? null;
}

type Written = VoteChange & { totals: Map<string, number> };
/**
 * Group commit (src/db/group-commit.ts). Votes that arrive in the same turn of the event loop are
 * written in one transaction, each in a savepoint of its own (a vote that fails, say for a story
 * deleted a moment ago, takes only itself back), and each is answered only once that transaction
 * has committed: an acknowledged vote is a stored vote. If a Kysely transaction holds the
 * connection when the batch is due, each vote takes `fallback` (the Kysely path) instead.
 */
export const queueVote = groupCommit<VoteInput, Written>((raw) => {
  const one = statementsFor(raw);
  // Called inside the outer transaction, each `one.write` runs as a savepoint.
  const all = raw.transaction((votes: VoteInput[]) =>
    votes.map((v) => {
      try {
        return { value: one.write(v) };
      } catch (error) {
        return { error };
      }
    }),
  );
  // BEGIN IMMEDIATE: should a second process ever open the file, it waits for the write lock
  // (busy_timeout) instead of failing half-way through a read-then-write.
  return (votes) => all.immediate(votes);
});
