// What the article page needs from comments: the section (thread, picks, form) and the count.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { trustHtml } from '../web/raw.js';
import type { JSX } from 'preact';
import type { AppContext } from '../context.js';
import { countApprovedByArticle, countVisibleTopLevel, findComment, listEditorPicks, listThreadPage, type PublicComment } from './comments.repository.js';
import { getCachedThread, ownPendingOn, putCachedThread, threadFacts, threadGeneration, type CachedThread } from './thread-cache.js';
import { cachedCommentSettings } from './settings.js';
import { CommentSection, renderCommentList } from './views/comment-section.js';
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
): Promise<{ section: JSX.Element; count: number; personalized: boolean; thread: Buffer }> {
  const db = ctx.db.kysely;
  const now = ctx.clock();
  const query = (request.query ?? {}) as Record<string, unknown>;
  // Read before the comments, so that a change made meanwhile is never kept as current.
  const generation = threadGeneration(article.id);
  const own = ownCommentIds(request);
  const [settings, facts, ownPending] = await Promise.all([cachedCommentSettings(db), threadFacts(db, article.id), ownPendingOn(db, article.id, own)]);
  const open = !checkClosedArticle({ now, settings, article: { commentsOpen: article.comments_open === 1, publishedAt: article.published_at } });
  const topLevel = ownPending.length ? await countVisibleTopLevel(db, article.id, ownPending) : facts.approvedTopLevel;
  const pages = Math.max(1, Math.ceil(topLevel / settings.perPage));
  const page = Math.min(queryInt(query.cpage) ?? 1, pages);
  const listThread = () => listThreadPage(db, ctx.db.dialect, { articleId: article.id, limit: settings.perPage, offset: (page - 1) * settings.perPage, ownPendingIds: ownPending });
  const render = (comments: PublicComment[]) => Buffer.from(renderCommentList({ comments, slug: article.slug, page, open, threadDepth: settings.threadDepth }).__trusted);
  let thread: CachedThread;
  if (ownPending.length) {
    // Their own comments awaiting moderation are shown to this reader only: rendered for them.
    const [comments, picks] = await Promise.all([listThread(), listEditorPicks(db, article.id)]);
    thread = { html: render(comments), picks };
  } else {
    const key = { articleId: article.id, slug: article.slug, page, perPage: settings.perPage, threadDepth: settings.threadDepth, open };
    const version = `${generation}:${facts.signature}`;
    const cached = getCachedThread(db, key, version);
    if (cached) thread = cached;
    else {
      const [comments, picks] = await Promise.all([listThread(), listEditorPicks(db, article.id)]);
      thread = { html: render(comments), picks };
      putCachedThread(db, key, version, thread);
    }
  }
  let replyTo: { id: number; name: string } | undefined;
  const replyId = queryInt(query.replytocom);
  if (replyId) {
    const parent = await findComment(db, replyId);
    if (parent && parent.article_id === article.id && parent.status === 'approved' && parent.depth < settings.threadDepth) replyTo = { id: parent.id, name: parent.author_name };
  }
  const saved = savedCommenter(request);
  const state = form ?? (saved ? { ...EMPTY_FORM, values: { ...EMPTY_FORM.values, author: saved.author, url: saved.url, remember: true } } : EMPTY_FORM);
  const count = facts.approved;
  const section = (
    <CommentSection
      articleSlug={article.slug}
      open={open}
      comments={[]}
      listHtml={THREAD_MARKER_HTML}
      picks={thread.picks}
      approvedCount={count}
      page={page}
      pages={pages}
      threadDepth={settings.threadDepth}
      replyTo={replyTo}
      form={state}
      formToken={formToken(request, now)}
    />
  );
  return { section, count, personalized: own.length > 0 || !!saved || !!form, thread: thread.html };
}

// The section is rendered with this marker where the thread goes; the page's HTML is then sent as
// bytes with the thread's bytes in its place (spliceThread). A long thread is thus neither
// rendered again nor copied through a string and encoded to UTF-8 on every request. The marker
// cannot come from anything typed (every "<" of stored text is escaped) and has a per-process
// random part besides.
const THREAD_MARKER = `<!--onset-comment-thread-${crypto.randomBytes(9).toString('base64url')}-->`;
// Trusted: a fixed HTML comment, built above.
const THREAD_MARKER_HTML = trustHtml(THREAD_MARKER);

/** The page as bytes, with the comment thread in place of its marker. */
export function spliceThread(html: string, thread: Buffer): Buffer {
  const page = Buffer.from(html);
  const at = page.indexOf(THREAD_MARKER_BYTES);
  if (at < 0) throw new Error('the comment thread marker is missing from the page');
  return Buffer.concat([page.subarray(0, at), thread, page.subarray(at + THREAD_MARKER_BYTES.length)]);
}
const THREAD_MARKER_BYTES = Buffer.from(THREAD_MARKER);

/** Cards with their approved-comment counts (for article cards). */
export async function withCommentCounts<T extends { id: number }>(db: AppContext['db']['kysely'], cards: T[]): Promise<(T & { comment_count: number })[]> {
  const counts = await countApprovedByArticle(db, cards.map((c) => c.id));
  return cards.map((c) => ({ ...c, comment_count: counts.get(c.id) ?? 0 }));
}
