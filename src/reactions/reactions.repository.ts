// Storage of reactions. Exactness rests on two rules kept in every write below:
//  1. a vote row changes only while this transaction holds it (the row it inserted, a row locked
//     FOR UPDATE on PostgreSQL, or the row DELETE ... RETURNING removed), so the "before" value a
//     transaction sees is the value it actually replaced;
//  2. reaction_totals changes by exactly the deltas of those row changes, in the same transaction.
// Deltas commute, so concurrent votes (and a staff reset) add up to COUNT(*) GROUP BY reaction
// at every commit, on one process or many. SQLite runs one writer at a time, so there rule 1 holds
// without locks. Total rows are updated in key order so two switches never deadlock on PostgreSQL.
//
// Why a totals table rather than COUNT(*) on every read: pages read counts far more often than
// readers vote, and a popular story would count thousands of rows per page view.
//
// Speed, measured by bench/votes.ts: on SQLite the hot reads and the votes go through
// reactions.sqlite.ts (the same statements run synchronously, the votes of one event-loop turn
// committed together); on PostgreSQL a reader's first vote is one statement (firstVotePostgres).
// The Kysely versions here do the rest, and serve SQLite while a Kysely transaction holds its
// connection.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Db, Dialect } from '../db/connection.js';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import { findArticleSync, queueVote, readTotalsSync, readVoteSync, usableSqlite, type VoteInput } from './reactions.sqlite.js';

type Q = Kysely<Database>;
type Trx = Transaction<Database>;

/** What votes need to know of a story: its id, and whether readers may see it (see isLive). */
export interface ArticleForVotes {
  id: number;
  slug: string;
  headline: string;
  status: string;
  published_at: string | null;
}

/** The story with this slug, whatever its status, or undefined. */
export async function findArticleForVotes(db: Db, slug: string): Promise<ArticleForVotes | undefined> {
  const raw = usableSqlite(db);
  if (raw) return findArticleSync(raw, slug);
  return db.kysely.selectFrom('articles').select(['id', 'slug', 'headline', 'status', 'published_at']).where('slug', '=', slug).executeTakeFirst();
}

/** The rule of findPublishedArticleBySlug (articles.repository.ts), applied to a row already read. */
export function isLive(article: Pick<ArticleForVotes, 'status' | 'published_at'>, now: string): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(article.status) && article.published_at !== null && article.published_at <= now;
}

/** reaction key -> votes, for one story. */
export async function readTotals(db: Db, articleId: number): Promise<Map<string, number>> {
  const raw = usableSqlite(db);
  if (raw) return readTotalsSync(raw, articleId);
  return readTotalsKysely(db.kysely, articleId);
}

async function readTotalsKysely(db: Q, articleId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('reaction_totals').select(['reaction', 'votes']).where('article_id', '=', articleId).execute();
  return new Map(rows.map((r) => [r.reaction, Number(r.votes)]));
}

export async function readVote(db: Db, articleId: number, readerId: string): Promise<string | null> {
  const raw = usableSqlite(db);
  if (raw) return readVoteSync(raw, articleId, readerId);
  const row = await db.kysely.selectFrom('reactions').select('reaction').where('article_id', '=', articleId).where('reader_id', '=', readerId).executeTakeFirst();
  return row?.reaction ?? null;
}

/** What one write did: the reader's reaction before and after (null = none). */
export interface VoteChange {
  previous: string | null;
  current: string | null;
}

/** Tries again on the outcomes PostgreSQL resolves by aborting one side; these never commit half a vote. */
const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const AGAIN = Symbol('again');

async function inTransaction<T>(db: Q, work: (trx: Trx) => Promise<T | typeof AGAIN>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.transaction().execute(work);
      if (result !== AGAIN) return result;
    } catch (err) {
      if (!(attempt < MAX_ATTEMPTS && RETRYABLE_PG_CODES.has((err as { code?: string }).code ?? ''))) throw err;
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error('the vote kept racing with another change; giving up');
  }
}

/**
 * Sets (reaction) or withdraws (null) one reader's vote and adjusts the totals, atomically, and
 * returns what changed with the totals just after. Setting the reaction the reader already has
 * changes nothing.
 */
export async function writeVote(db: Db, v: VoteInput): Promise<VoteChange & { totals: Map<string, number> }> {
  const portable = async () => {
    if (db.dialect === 'postgres' && v.reaction !== null) {
      const totals = await firstVotePostgres(db.kysely, { ...v, reaction: v.reaction });
      if (totals) return { previous: null, current: v.reaction, totals };
    }
    const change = await writeVoteKysely(db.kysely, db.dialect, v);
    return { ...change, totals: await readTotalsKysely(db.kysely, v.articleId) };
  };
  return db.sqlite ? queueVote(db.sqlite, v, portable) : portable();
}

/** The portable vote, through Kysely; exported so tests run it on SQLite too. */
export async function writeVoteKysely(db: Q, dialect: Dialect, v: VoteInput): Promise<VoteChange> {
  const { articleId, readerId, reaction } = v;
  if (reaction === null) {
    return inTransaction(db, async (trx) => {
      const gone = await trx.deleteFrom('reactions').where('article_id', '=', articleId).where('reader_id', '=', readerId).returning('reaction').executeTakeFirst();
      if (gone) await applyDeltas(trx, articleId, new Map([[gone.reaction, -1]]));
      return { previous: gone?.reaction ?? null, current: null };
    });
  }
  return inTransaction(db, async (trx) => {
    // First votes are the common case: one statement decides, and it takes the row for us.
    const inserted = await trx
      .insertInto('reactions')
      .values({ article_id: articleId, reader_id: readerId, reaction, voted_at: v.at })
      .onConflict((oc) => oc.columns(['article_id', 'reader_id']).doNothing())
      .returning('reaction')
      .executeTakeFirst();
    if (inserted) {
      await applyDeltas(trx, articleId, new Map([[reaction, 1]]));
      return { previous: null, current: reaction };
    }
    let existing = trx.selectFrom('reactions').select('reaction').where('article_id', '=', articleId).where('reader_id', '=', readerId);
    if (dialect === 'postgres') existing = existing.forUpdate();
    const row = await existing.executeTakeFirst();
    // Withdrawn by a parallel request between our insert and this read: start over.
    if (!row) return AGAIN;
    if (row.reaction === reaction) return { previous: reaction, current: reaction };
    await trx.updateTable('reactions').set({ reaction, voted_at: v.at }).where('article_id', '=', articleId).where('reader_id', '=', readerId).execute();
    await applyDeltas(trx, articleId, new Map([[row.reaction, -1], [reaction, 1]]));
    return { previous: row.reaction, current: reaction };
  });
}

/**
 * PostgreSQL, a reader's first vote on a story: the row, its +1 and the story's totals in one
 * statement, so one round trip, and the total's row lock is held only for that statement and its
 * commit. The totals when it was a first vote; undefined, with nothing changed, when the reader
 * had already voted (the caller then takes the general path).
 */
async function firstVotePostgres(db: Q, v: VoteInput & { reaction: string }): Promise<Map<string, number> | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await firstVoteStatement(db, v);
    } catch (err) {
      if (!(attempt < MAX_ATTEMPTS && RETRYABLE_PG_CODES.has((err as { code?: string }).code ?? ''))) throw err;
    }
  }
}

async function firstVoteStatement(db: Q, v: VoteInput & { reaction: string }): Promise<Map<string, number> | undefined> {
  // The final select sees the totals as they were when the statement began (PostgreSQL shows a
  // statement's own changes to none of its parts), so this vote's +1 is added back below.
  const result = await sql<{ reaction: string | null; votes: number | null; inserted: number }>`with vote as (
      insert into reactions (article_id, reader_id, reaction, voted_at) values (${v.articleId}, ${v.readerId}, ${v.reaction}, ${v.at})
      on conflict (article_id, reader_id) do nothing returning reaction),
    bump as (
      insert into reaction_totals (article_id, reaction, votes) select ${v.articleId}, reaction, 1 from vote
      on conflict (article_id, reaction) do update set votes = reaction_totals.votes + 1
      returning 1)
    select t.reaction, t.votes, (select count(*) from bump)::int as inserted
    from (select 1) as one left join reaction_totals t on t.article_id = ${v.articleId}`.execute(db);
  if (result.rows[0]?.inserted !== 1) return undefined;
  const totals = new Map(result.rows.filter((r) => r.reaction !== null).map((r) => [r.reaction!, Number(r.votes)]));
  totals.set(v.reaction, (totals.get(v.reaction) ?? 0) + 1);
  return totals;
}

/** Removes every vote on a story (staff reset); returns how many were removed. */
export async function deleteAllVotes(db: Q, dialect: Dialect, articleId: number): Promise<number> {
  return inTransaction(db, async (trx) => {
    let removed: { reaction: string; n: number }[];
    if (dialect === 'postgres') {
      // Counts exactly the rows this DELETE removed, including rows a concurrent switch changed
      // while we waited for its lock; votes inserted meanwhile keep their own +1.
      const res = await sql<{ reaction: string; n: number }>`with gone as (delete from reactions where article_id = ${articleId} returning reaction)
        select reaction, count(*)::int as n from gone group by reaction`.execute(trx);
      removed = res.rows;
    } else {
      // SQLite: no other writer until we commit, so counting first and deleting after is exact.
      removed = await trx.selectFrom('reactions').select(['reaction', (eb) => eb.fn.countAll<number>().as('n')]).where('article_id', '=', articleId).groupBy('reaction').execute();
      await trx.deleteFrom('reactions').where('article_id', '=', articleId).execute();
    }
    await applyDeltas(trx, articleId, new Map(removed.map((r) => [r.reaction, -Number(r.n)])));
    return removed.reduce((sum, r) => sum + Number(r.n), 0);
  });
}

/** Adds each delta to its total row, in key order (a fixed lock order across transactions). */
async function applyDeltas(trx: Trx, articleId: number, deltas: Map<string, number>): Promise<void> {
  const ordered = [...deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [reaction, delta] of ordered) {
    if (delta > 0) {
      await trx
        .insertInto('reaction_totals')
        .values({ article_id: articleId, reaction, votes: delta })
        .onConflict((oc) => oc.columns(['article_id', 'reaction']).doUpdateSet({ votes: (eb) => eb('reaction_totals.votes', '+', delta) }))
        .execute();
    } else {
      await trx.updateTable('reaction_totals').set({ votes: (eb) => eb('votes', '+', delta) }).where('article_id', '=', articleId).where('reaction', '=', reaction).execute();
    }
  }
}

/** Live stories published since `since`, most votes of `reaction` first (stories with none left out). */
export async function topArticlesByReaction(db: Q, opts: { reaction: string; since: string; now: string; limit: number }) {
  return db
    .selectFrom('reaction_totals')
    .innerJoin('articles', 'articles.id', 'reaction_totals.article_id')
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.kind', 'reaction_totals.votes'])
    .where('reaction_totals.reaction', '=', opts.reaction)
    .where('reaction_totals.votes', '>', 0)
    .where('articles.status', 'in', LIVE_STATUSES)
    .where('articles.published_at', '>=', opts.since)
    .where('articles.published_at', '<=', opts.now)
    .orderBy('reaction_totals.votes', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(opts.limit)
    .execute();
}

/** Stories with at least one vote, most voted first, with their totals per reaction. */
export async function listArticleTotals(db: Q, opts: { limit: number; offset: number }) {
  const articles = await db
    .selectFrom('reaction_totals')
    .innerJoin('articles', 'articles.id', 'reaction_totals.article_id')
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.status', (eb) => eb.fn.sum<number>('reaction_totals.votes').as('total')])
    .groupBy(['articles.id', 'articles.slug', 'articles.headline', 'articles.status'])
    .having((eb) => eb.fn.sum('reaction_totals.votes'), '>', 0)
    .orderBy('total', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const ids = articles.map((a) => a.id);
  const rows = ids.length ? await db.selectFrom('reaction_totals').select(['article_id', 'reaction', 'votes']).where('article_id', 'in', ids).execute() : [];
  return articles.map((a) => ({
    ...a,
    total: Number(a.total),
    counts: new Map(rows.filter((r) => r.article_id === a.id).map((r) => [r.reaction, Number(r.votes)])),
  }));
}

/** Total votes on a story counted from the vote rows themselves (the ground truth tests and benches check against). */
export async function countVoteRows(db: Q, articleId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('reactions').select(['reaction', (eb) => eb.fn.countAll<number>().as('n')]).where('article_id', '=', articleId).groupBy('reaction').execute();
  return new Map(rows.map((r) => [r.reaction, Number(r.n)]));
}
