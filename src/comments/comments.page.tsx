// What the article page needs from comments: the section (thread, picks, form) and the count.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { AppContext } from '../context.js';
import { countApprovedByArticle, countVisibleTopLevel, findComment, listEditorPicks, listThreadPage } from './comments.repository.js';
import { loadCommentSettings } from './settings.js';
import { CommentSection } from './views/comment-section.js';
import { EMPTY_FORM, type CommentFormState } from './views/comment-form.js';
import { checkClosedArticle } from './admission.checks.js';

/** Signed cookie listing the reader's own recent comment ids, so they see their pending ones. */
export const OWN_COMMENTS_COOKIE = 'onset_own_comments';
/** Name and website (and email, read by the island only) when "Save my name..." is ticked. */
export const COMMENTER_COOKIE = 'onset_commenter';
const OWN_COMMENTS_KEPT = 20;

/** Ids from the signed own-comments cookie; empty when missing or forged. */
export function ownCommentIds(request: FastifyRequest): number[] {
  const raw = request.cookies[OWN_COMMENTS_COOKIE];
  if (!raw) return [];
  const un = request.unsignCookie(raw);
  if (!un.valid || !un.value) return [];
  return un.value.split('-').map(Number).filter((n) => Number.isInteger(n) && n > 0).slice(-OWN_COMMENTS_KEPT);
}

export function rememberOwnComment(request: FastifyRequest, reply: FastifyReply, id: number): void {
  const ids = [...ownCommentIds(request), id].slice(-OWN_COMMENTS_KEPT);
  reply.setCookie(OWN_COMMENTS_COOKIE, ids.join('-'), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 * 60 * 24 * 30 });
}

/** A signed token holding when the form was rendered (checked by the too-fast rule). */
export function formToken(request: FastifyRequest, now: Date): string {
  return request.server.signCookie(String(now.getTime()));
}

/** When the form was rendered, from its token; null when missing or forged. */
export function renderedAtOf(request: FastifyRequest, token: string | undefined): Date | null {
  if (!token) return null;
  const un = request.unsignCookie(token);
  const ms = un.valid && un.value ? Number(un.value) : NaN;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** Name and website saved by "Save my name..."; the email is never written into HTML by the server. */
export function savedCommenter(request: FastifyRequest): { author: string; url: string } | undefined {
  const raw = request.cookies[COMMENTER_COOKIE];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { n?: unknown; u?: unknown };
    return { author: typeof v.n === 'string' ? v.n.slice(0, 245) : '', url: typeof v.u === 'string' ? v.u.slice(0, 200) : '' };
  } catch {
    return undefined;
  }
}

function queryInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  return n && n > 0 ? n : undefined;
}

export interface ArticleForComments {
  id: number;
  slug: string;
  comments_open: number;
  published_at: string | null;
}

/** The comment section of an article page, and its approved-comment count. */
export async function loadCommentSection(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  request: FastifyRequest,
  article: ArticleForComments,
  form?: CommentFormState,
): Promise<{ section: JSX.Element; count: number; personalized: boolean }> {
  const db = ctx.db.kysely;
  const now = ctx.clock();
  const query = (request.query ?? {}) as Record<string, unknown>;
  const settings = await loadCommentSettings(db);
  const own = ownCommentIds(request);
  const [topLevel, counts, picks] = await Promise.all([countVisibleTopLevel(db, article.id, own), countApprovedByArticle(db, [article.id]), listEditorPicks(db, article.id)]);
  const pages = Math.max(1, Math.ceil(topLevel / settings.perPage));
  const page = Math.min(queryInt(query.cpage) ?? 1, pages);
  const comments = await listThreadPage(db, ctx.db.dialect, { articleId: article.id, limit: settings.perPage, offset: (page - 1) * settings.perPage, ownPendingIds: own });
  let replyTo: { id: number; name: string } | undefined;
  const replyId = queryInt(query.replytocom);
  if (replyId) {
    const parent = await findComment(db, replyId);
    if (parent && parent.article_id === article.id && parent.status === 'approved' && parent.depth < settings.threadDepth) replyTo = { id: parent.id, name: parent.author_name };
  }
  const saved = savedCommenter(request);
  const state = form ?? (saved ? { ...EMPTY_FORM, values: { ...EMPTY_FORM.values, author: saved.author, url: saved.url, remember: true } } : EMPTY_FORM);
  const open = !checkClosedArticle({ now, settings, article: { commentsOpen: article.comments_open === 1, publishedAt: article.published_at } });
  const count = counts.get(article.id) ?? 0;
  const section = (
    <CommentSection
      articleSlug={article.slug}
      open={open}
      comments={comments}
      picks={picks}
      approvedCount={count}
      page={page}
      pages={pages}
      threadDepth={settings.threadDepth}
      replyTo={replyTo}
      form={state}
      formToken={formToken(request, now)}
    />
  );
  return { section, count, personalized: own.length > 0 || !!saved || !!form };
}

/** Cards with their approved-comment counts (for article cards). */
export async function withCommentCounts<T extends { id: number }>(db: AppContext['db']['kysely'], cards: T[]): Promise<(T & { comment_count: number })[]> {
  const counts = await countApprovedByArticle(db, cards.map((c) => c.id));
  return cards.map((c) => ({ ...c, comment_count: counts.get(c.id) ?? 0 }));
}
