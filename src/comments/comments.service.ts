import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { admit, checkDuplicate, type Verdict } from './admission.checks.js';
import { admissionHistory, appendModerationLog, findCommentableArticle, findComment, insertComment, isUniqueViolation, lockAdmission } from './comments.repository.js';
import { avatarKey, duplicateKey } from './identicon.js';
import { loadCommentSettings } from './settings.js';
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
  | { ok: true; id: number; articleId: number; status: 'approved' | 'pending' | 'spam'; message: string }
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

/**
 * Posts a comment: validates it, runs the admission pipeline, and stores it with its first
 * moderation-log row in one transaction.
 */
export async function postComment(input: CommentInput, deps: { db: Kysely<Database>; clock: Clock; avatarSecret: string }): Promise<PostResult> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const article = await findCommentableArticle(deps.db, input.articleSlug, nowIso);
  if (!article) return { ok: false, httpStatus: 404, message: 'No published story has that address.', fieldErrors: {} };
  const settings = await loadCommentSettings(deps.db);
  const fieldErrors = validateFields(input, settings.maxNameLength);
  if (Object.keys(fieldErrors).length) return { ok: false, httpStatus: 422, message: 'Please correct the fields marked below.', fieldErrors };

  const email = input.authorEmail.trim().toLowerCase();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  let depth = 1;
  if (input.parentId !== null) {
    const parent = await findComment(deps.db, input.parentId);
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
  // insert, under a lock per IP and email, so a same-instant burst cannot slip past them; the
  // unique duplicate_key is the last word on duplicates.
  const since = new Date(now.getTime() - settings.rateWindowSeconds * 1000).toISOString();
  let stored: { id: number; status: 'approved' | 'pending' | 'spam'; verdict: Verdict | undefined } | PostResult;
  try {
    stored = await deps.db.transaction().execute(async (trx) => {
      let status: 'approved' | 'pending' | 'spam' = 'approved';
      let verdict: Verdict | undefined;
      if (!input.isStaff) {
        await lockAdmission(trx, { ip: input.ip, email });
        const history = await admissionHistory(trx, { articleId: article.id, email, ip: input.ip, body, since });
        const admission = admit({ now, settings, article: articleFacts, comment, honeypot: input.honeypot, renderedAt: input.renderedAt, history });
        if (admission.status === null) return refusal(admission.verdict!);
        status = admission.status;
        verdict = admission.verdict;
      }
      const newId = await insertComment(trx, {
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
        status,
        status_reason: verdict?.reason ?? null,
        is_staff: input.isStaff ? 1 : 0,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await appendModerationLog(trx, { commentId: newId, action: 'posted', fromStatus: null, toStatus: status, actor: input.isStaff ? 'staff' : 'pipeline', reason: verdict ? `${verdict.check}: ${verdict.reason}` : '', now: nowIso });
      return { id: newId, status, verdict };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    stored = refusal(checkDuplicate({ history: { recentFromIp: 0, recentFromEmail: 0, duplicate: true, previouslyApproved: false } })!);
  }
  if ('ok' in stored) return stored;
  const { id, status, verdict } = stored;
  if (status === 'approved') commentsChanged([article.id]);
  const message = status === 'approved' ? 'Thank you! Your comment is published.' : (verdict?.message || 'Your comment is awaiting moderation.');
  return { ok: true, id, articleId: article.id, status, message };
}
