import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { admit, checkDuplicate, type Verdict } from './admission.checks.js';
import type SQLite from 'better-sqlite3';
import { admissionHistory, appendModerationLog, findCommentableArticle, findComment, insertComment, isUniqueViolation, lockAdmission, type PublicComment } from './comments.repository.js';
import { findCommentableArticleSync, findCommentSync, queueAdmission, usableSqlite, type AdmissionJob } from './comments.sqlite.js';
import { avatarKey, duplicateKey } from './identicon.js';
import { cachedCommentSettings } from './settings.js';
import { commentsChanged } from './freshness.js';

/** A new comment as the HTTP edge parsed it. */
export interface CommentInput {
  articleSlug: string;
  parentId: number | null;
  body: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  /** The hidden honeypot field. */
  honeypot: string;
  /** When the form was rendered (verified signed token), or null. */
  renderedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  /** Written by staff: skips the spam checks and shows a badge. */
  isStaff: boolean;
}

export type FieldName = 'comment' | 'author' | 'email' | 'url';

export type PostResult =
  | {
      ok: true;
      id: number;
      articleId: number;
      status: 'approved' | 'pending' | 'spam';
      message: string;
      /** The comment as stored, in its public columns (what a re-read would return). */
      comment: PublicComment;
    }
  | { ok: false; httpStatus: 403 | 404 | 409 | 422 | 429; message: string; fieldErrors: Partial<Record<FieldName, string>> };

const EMAIL_RE = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

/** Trims, and turns "example.com" into "http://example.com"; undefined when not a web address. */
export function normalizeWebsite(url: string): string | null | undefined {
  const t = url.trim();
  if (!t) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `http://${t}`);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!u.hostname.includes('.')) return undefined;
    return u.toString();
  } catch {
    return undefined;
  }
}

/** Required fields and formats, all at once so the form can mark every wrong field. */
export function validateFields(input: Pick<CommentInput, 'authorName' | 'authorEmail' | 'authorUrl' | 'body'>, maxNameLength: number): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!input.body.trim()) errors.comment = 'Please type your comment.';
  if (!input.authorName.trim()) errors.author = 'Please fill in your name.';
  else if (input.authorName.trim().length > maxNameLength) errors.author = `Please keep your name under ${maxNameLength} characters.`;
  if (!input.authorEmail.trim()) errors.email = 'Please fill in your email address.';
  else if (!EMAIL_RE.test(input.authorEmail.trim()) || input.authorEmail.length > 254) errors.email = 'Please enter a valid email address.';
  if (normalizeWebsite(input.authorUrl) === undefined) errors.url = 'Please enter a web address starting with http:// or https://, or leave it empty.';
  return errors;
}

const refusal = (v: Verdict): PostResult => ({ ok: false, httpStatus: v.httpStatus ?? 422, message: v.message, fieldErrors: v.field ? { [v.field]: v.message } : {} });
const duplicateRefusal = () => refusal(checkDuplicate({ history: { recentFromIp: 0, recentFromEmail: 0, duplicate: true, previouslyApproved: false } })!);

type Stored = { id: number; status: 'approved' | 'pending' | 'spam'; verdict: Verdict | undefined };

export interface PostDeps {
  db: Kysely<Database>;
  clock: Clock;
  avatarSecret: string;
  /**
   * The better-sqlite3 handle under `db` (Db.sqlite), when the database is SQLite: posts then run
   * through comments.sqlite.ts (same rules, prepared statements, commits shared by the posts of one
   * event-loop turn). Absent: everything through Kysely.
   */
  sqlite?: SQLite.Database | undefined;
}

/**
 * Posts a comment: validates it, runs the admission pipeline, and stores it with its first
 * moderation-log row in one transaction.
 */
export async function postComment(input: CommentInput, deps: PostDeps): Promise<PostResult> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const raw = usableSqlite(deps.sqlite);
  const article = raw ? findCommentableArticleSync(raw, input.articleSlug, nowIso) : await findCommentableArticle(deps.db, input.articleSlug, nowIso);
  if (!article) return { ok: false, httpStatus: 404, message: 'No published story has that address.', fieldErrors: {} };
  const settings = await cachedCommentSettings(deps.db);
  const fieldErrors = validateFields(input, settings.maxNameLength);
  if (Object.keys(fieldErrors).length) return { ok: false, httpStatus: 422, message: 'Please correct the fields marked below.', fieldErrors };

  const email = input.authorEmail.trim().toLowerCase();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  let depth = 1;
  if (input.parentId !== null) {
    // The handle may have become busy during the await above.
    const parentRaw = usableSqlite(deps.sqlite);
    const parent = parentRaw ? findCommentSync(parentRaw, input.parentId) : await findComment(deps.db, input.parentId);
    if (!parent || parent.article_id !== article.id || parent.status !== 'approved') {
      return { ok: false, httpStatus: 422, message: 'The comment you are replying to is not available any more.', fieldErrors: { comment: 'The comment you are replying to is not available any more.' } };
    }
    if (parent.depth >= settings.threadDepth) {
      return { ok: false, httpStatus: 422, message: 'This thread is as deep as it can go; please reply further up.', fieldErrors: { comment: 'This thread is as deep as it can go; please reply further up.' } };
    }
    depth = parent.depth + 1;
  }

  const articleFacts = { commentsOpen: article.comments_open === 1, publishedAt: article.published_at };
  const comment = { body, authorName: input.authorName.trim(), authorEmail: email, authorUrl: normalizeWebsite(input.authorUrl) ?? null };
  if (input.isStaff) {
    // Staff skip the spam and flood checks, never the rules every comment obeys.
    const admission = admit(
      { now, settings, article: articleFacts, comment, honeypot: '', renderedAt: now, history: { recentFromIp: 0, recentFromEmail: 0, duplicate: false, previouslyApproved: true } },
      [(c) => (c.article.commentsOpen ? undefined : { action: 'reject', check: 'closed', httpStatus: 403, reason: 'closed', message: 'Comments are closed on this story.' })],
    );
    if (admission.status === null) return refusal(admission.verdict!);
  }

  // Checks that count what is stored (rate limits, duplicates) run in the transaction of the
  // insert, under a lock per IP and email (PostgreSQL) or SQLite's single writer, so a
  // same-instant burst cannot slip past them; the unique duplicate_key is the last word on
  // duplicates. `job` is that transaction's part, the same on both paths.
  const since = new Date(now.getTime() - settings.rateWindowSeconds * 1000).toISOString();
  const row = {
    article_id: article.id,
    parent_id: input.parentId,
    depth,
    author_name: comment.authorName,
    author_email: email,
    author_url: comment.authorUrl,
    author_ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    avatar_key: avatarKey(email, deps.avatarSecret),
    duplicate_key: duplicateKey(email, body, deps.avatarSecret),
    body,
    is_staff: input.isStaff ? 1 : 0,
    created_at: nowIso,
    updated_at: nowIso,
  };
  const job: AdmissionJob<Stored | PostResult> = {
    history: input.isStaff ? null : { articleId: article.id, email, ip: input.ip, body, since },
    decide: (history) => {
      let status: 'approved' | 'pending' | 'spam' = 'approved';
      let verdict: Verdict | undefined;
      if (history) {
        const admission = admit({ now, settings, article: articleFacts, comment, honeypot: input.honeypot, renderedAt: input.renderedAt, history });
        if (admission.status === null) return { refused: refusal(admission.verdict!) };
        status = admission.status;
        verdict = admission.verdict;
      }
      return {
        insert: { ...row, status, status_reason: verdict?.reason ?? null },
        log: (id) => ({ comment_id: id, action: 'posted', from_status: null, to_status: status, actor: input.isStaff ? 'staff' : 'pipeline', reason: verdict ? `${verdict.check}: ${verdict.reason}` : '', created_at: nowIso }),
        done: (id) => ({ id, status, verdict }),
      };
    },
  };
  let stored: Stored | PostResult;
  try {
    stored = deps.sqlite ? await queueAdmission(deps.sqlite, job, () => admitWithKysely(deps.db, job, { ip: input.ip, email })) : await admitWithKysely(deps.db, job, { ip: input.ip, email });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    stored = duplicateRefusal();
  }
  if ('ok' in stored) return stored;
  const { id, status, verdict } = stored;
  if (status === 'approved') commentsChanged([article.id]);
  const message = status === 'approved' ? 'Thank you! Your comment is published.' : (verdict?.message || 'Your comment is awaiting moderation.');
  const shown: PublicComment = {
    id,
    article_id: article.id,
    parent_id: input.parentId,
    depth,
    author_name: row.author_name,
    author_url: row.author_url,
    avatar_key: row.avatar_key,
    body,
    status,
    editor_pick: 0,
    is_staff: row.is_staff,
    created_at: nowIso,
  };
  return { ok: true, id, articleId: article.id, status, message, comment: shown };
}

/** The transaction of a post through Kysely (PostgreSQL, or SQLite while its connection is busy). */
async function admitWithKysely<R>(db: Kysely<Database>, job: AdmissionJob<R>, lock: { ip: string | null; email: string }): Promise<R> {
  return db.transaction().execute(async (trx) => {
    let history = null;
    if (job.history) {
      await lockAdmission(trx, lock);
      history = await admissionHistory(trx, job.history);
    }
    const decision = job.decide(history);
    if ('refused' in decision) return decision.refused;
    const id = await insertComment(trx, decision.insert);
    const log = decision.log(id);
    await appendModerationLog(trx, { commentId: id, action: log.action, fromStatus: log.from_status, toStatus: log.to_status, actor: log.actor, reason: log.reason, now: log.created_at });
    return decision.done(id);
  });
}
