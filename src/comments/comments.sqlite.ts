// The SQLite hot path of comment posting: the same reads and writes as the Kysely ones in
// comments.repository.ts, as prepared statements run synchronously by better-sqlite3, and the
// posts of one turn of the event loop admitted and stored in one transaction (group commit), as
// reactions.sqlite.ts does for votes. The rules hold unchanged:
//  - the stored-history checks (rate limits per IP and email, duplicates, first comment) count
//    inside the transaction of the insert, after every earlier post of the batch, and nothing can
//    write in between (SQLite has one writer; the batch runs to its end without yielding);
//  - the comment and its "posted" moderation-log row commit together or not at all;
//  - a post is answered only after its transaction committed: acknowledged means stored.
//
// Used only while no Kysely transaction is open on the shared connection (checked again when a
// batch is due); otherwise each post takes the Kysely path (`fallback`) after that transaction.
import type SQLite from 'better-sqlite3';
import { LIVE_STATUSES } from '../articles/articles.repository.js';
import { groupCommit } from '../db/group-commit.js';
import { MAX_THREAD_DEPTH } from './settings.js';
import type { CommentRow, NewComment } from './comments.table.js';

/** What a post's transaction needs to ask storage before it decides. */
export interface HistoryQuery {
  articleId: number;
  email: string;
  ip: string | null;
  body: string;
  since: string;
}

export interface History {
  recentFromIp: number;
  recentFromEmail: number;
  duplicate: boolean;
  previouslyApproved: boolean;
}

/**
 * One post as the batch runs it: `decide` sees the stored history (not asked for staff posts) and
 * returns either the row to insert with its log row, or a refusal that writes nothing.
 */
export interface AdmissionJob<R> {
  history: HistoryQuery | null;
  decide: (history: History | null) => { insert: NewComment; log: (id: number) => LogRow; done: (id: number) => R } | { refused: R };
}

export interface LogRow {
  comment_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor: string;
  reason: string;
  created_at: string;
}

export type ArticleForComments = { id: number; slug: string; headline: string; comments_open: number; published_at: string | null };

interface Statements {
  article: SQLite.Statement<[string, string], ArticleForComments>;
  comment: SQLite.Statement<[number], CommentRow>;
  countIp: SQLite.Statement<[string, string], number>;
  countEmail: SQLite.Statement<[string, string], number>;
  duplicate: SQLite.Statement<[number, string, string], number>;
  approvedBefore: SQLite.Statement<[string], number>;
  insert: SQLite.Statement<Record<string, unknown>, number>;
  parentOf: SQLite.Statement<[number], { id: number; parent_id: number | null }>;
  approvedTopLevelUpTo: SQLite.Statement<[number, number], number>;
  byId: SQLite.Statement<[number], { id: number; article_id: number; parent_id: number | null; status: string }>;
  log: SQLite.Statement<LogRow>;
  remove: SQLite.Statement<[number]>;
  /** One post, inside the batch's transaction: stores the comment and its log row, or nothing. */
  admitOne: (job: AdmissionJob<unknown>) => unknown;
}

const prepared = new WeakMap<SQLite.Database, Statements>();

/** The raw handle when the fast path may run now, else undefined. */
export function usableSqlite(raw: SQLite.Database | undefined): SQLite.Database | undefined {
  return raw && !raw.inTransaction ? raw : undefined;
}

const INSERT_COLUMNS = ['article_id', 'parent_id', 'depth', 'author_name', 'author_email', 'author_url', 'author_ip', 'user_agent', 'avatar_key', 'duplicate_key', 'body', 'status', 'status_reason', 'is_staff', 'created_at', 'updated_at'] as const;

function statementsFor(raw: SQLite.Database): Statements {
  const existing = prepared.get(raw);
  if (existing) return existing;
  const live = LIVE_STATUSES.map((s) => `'${s}'`).join(', ');
  const s = {
    article: raw.prepare(`select id, slug, headline, comments_open, published_at from articles where slug = ? and status in (${live}) and published_at <= ?`),
    comment: raw.prepare('select * from comments where id = ?'),
    // The four facts of admissionHistory (comments.repository.ts), same conditions.
    countIp: raw.prepare('select count(*) from comments where author_ip = ? and created_at >= ?').pluck(),
    countEmail: raw.prepare('select count(*) from comments where author_email = ? and created_at >= ?').pluck(),
    duplicate: raw.prepare("select id from comments where +article_id = ? and author_email = ? and body = ? and status != 'trash' limit 1").pluck(),
    approvedBefore: raw.prepare("select id from comments where author_email = ? and status = 'approved' limit 1").pluck(),
    insert: raw.prepare(`insert into comments (${INSERT_COLUMNS.join(', ')}) values (${INSERT_COLUMNS.map((c) => `@${c}`).join(', ')}) returning id`).pluck(),
    // rootOf and positionOfTopLevel (comments.repository.ts), same conditions.
    parentOf: raw.prepare('select id, parent_id from comments where id = ?'),
    approvedTopLevelUpTo: raw.prepare("select count(*) from comments where article_id = ? and status = 'approved' and parent_id is null and id <= ?").pluck(),
    byId: raw.prepare('select id, article_id, parent_id, status from comments where id = ?'),
    remove: raw.prepare('delete from comments where id = ?'),
    log: raw.prepare('insert into comment_moderation_log (comment_id, action, from_status, to_status, actor, reason, created_at) values (@comment_id, @action, @from_status, @to_status, @actor, @reason, @created_at)'),
  } as Omit<Statements, 'admitOne'>;
  // No savepoint per post (one cost as much as the post's inserts, copying every page the batch
  // had already touched into the statement journal): a statement that fails on a constraint (the
  // unique duplicate key) is undone by SQLite on its own, leaving the transaction and the earlier
  // posts as they were. The one step that could leave half a post, the log row after the comment,
  // takes the comment back itself, or fails the whole batch.
  const admitOne = (job: AdmissionJob<unknown>) => {
    const q = job.history;
    const history = q
      ? {
          recentFromIp: q.ip ? s.countIp.get(q.ip, q.since)! : 0,
          recentFromEmail: s.countEmail.get(q.email, q.since)!,
          duplicate: s.duplicate.get(q.articleId, q.email, q.body) !== undefined,
          previouslyApproved: s.approvedBefore.get(q.email) !== undefined,
        }
      : null;
    const decision = job.decide(history);
    if ('refused' in decision) return decision.refused;
    const row: Record<string, unknown> = {};
    for (const c of INSERT_COLUMNS) row[c] = decision.insert[c] ?? null;
    const id = s.insert.get(row)!;
    try {
      s.log.run(decision.log(id));
    } catch (err) {
      try {
        s.remove.run(id);
      } catch {
        throw new BatchFailed(err);
      }
      throw err;
    }
    return decision.done(id);
  };
  const statements = { ...s, admitOne } as Statements;
  prepared.set(raw, statements);
  return statements;
}

/** The live story with this slug (published by `now`), or undefined. */
export function findCommentableArticleSync(raw: SQLite.Database, slug: string, now: string): ArticleForComments | undefined {
  return statementsFor(raw).article.get(slug, now);
}

export function findCommentSync(raw: SQLite.Database, id: number): CommentRow | undefined {
  return statementsFor(raw).comment.get(id);
}

/** The top-level comment a comment belongs to (rootOf). */
export function rootOfSync(raw: SQLite.Database, id: number): number {
  const s = statementsFor(raw);
  let current = s.parentOf.get(id);
  for (let i = 0; current?.parent_id && i < MAX_THREAD_DEPTH + 1; i++) current = s.parentOf.get(current.parent_id);
  return current?.id ?? id;
}

/** The 1-based position of a top-level comment among those the reader sees (positionOfTopLevel). */
export function positionOfTopLevelSync(raw: SQLite.Database, articleId: number, id: number, ownPendingIds: number[]): number {
  const s = statementsFor(raw);
  let own = 0;
  for (const ownId of new Set([...ownPendingIds, id])) {
    const c = ownId <= id ? s.byId.get(ownId) : undefined;
    if (c && c.article_id === articleId && c.parent_id === null && c.status !== 'approved') own++;
  }
  return s.approvedTopLevelUpTo.get(articleId, id)! + own;
}

/** A post's failure that could not be undone alone: the batch's transaction must roll back. */
class BatchFailed extends Error {
  constructor(cause: unknown) {
    super('a comment post could not be undone alone', { cause });
  }
}

/**
 * Group commit (src/db/group-commit.ts). Posts that arrive in the same turn of the event loop are
 * admitted and stored in one transaction, one after the other (a post that fails, say on the
 * unique duplicate key, takes only itself back), and each is answered only once that transaction
 * has committed. If a Kysely transaction holds the connection when the batch is due, each post
 * takes `fallback`.
 */
const queueAny = groupCommit<AdmissionJob<unknown>, unknown>((raw) => {
  const one = statementsFor(raw);
  const all = raw.transaction((jobs: AdmissionJob<unknown>[]) =>
    jobs.map((job) => {
      try {
        return { value: one.admitOne(job) };
      } catch (error) {
        // A post that failed took itself back (see admitOne), unless SQLite rolled the whole
        // transaction back (disk full, I/O error) or the undo failed: then nothing of the batch
        // may commit, and no statement may run outside the transaction.
        if (error instanceof BatchFailed || !raw.inTransaction) throw error instanceof BatchFailed ? error.cause : error;
        return { error };
      }
    }),
  );
  // BEGIN IMMEDIATE: with `serve --workers`, wait for the write lock (busy_timeout) instead of
  // failing half-way through a read-then-write.
  return (jobs) => all.immediate(jobs);
});

export function queueAdmission<R>(raw: SQLite.Database, job: AdmissionJob<R>, fallback: () => Promise<R>): Promise<R> {
  return queueAny(raw, job as AdmissionJob<unknown>, fallback) as Promise<R>;
}
