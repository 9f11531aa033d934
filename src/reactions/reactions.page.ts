// Reactions on pages that may be cached.
//
// Article HTML is rendered with the counts as of render time. Page caching (the cache folder,
// planned) will keep that HTML for a while and serve it to everyone, so the counts in it go
// stale and it must not carry anyone's own choice. The approach:
//
//  1. Fresh counts and the reader's own choice come from GET /api/v1/articles/:slug/reactions,
//     which the reactions island calls as soon as the page loads. That response is
//     `Cache-Control: private, no-store` and reads the totals table (six rows), so however old
//     the cached HTML is, a reader with JavaScript sees counts as fresh as that request, within
//     a second of load, and their own choice (from their cookie) is always right.
//  2. A render for a request with no valid reader cookie has no personal state and may be cached
//     and shared as it is. A render for a request with a reader cookie marks the reader's choice
//     (so the no-JavaScript flow, POST then 303 back to the page, shows it), and is therefore sent
//     `Cache-Control: private, no-cache` with `Vary: Cookie`: no shared cache may keep it.
//     The page cache should store only cookie-less renders; it may serve them to cookie holders
//     too, since step 1 corrects the choice for them.
//  3. Votes never need a purge of cached pages: counts in cached HTML are a first paint only.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { readerIdOf } from './reader-cookie.js';
import { mostReactedThisWeek, reactionState } from './reactions.service.js';
import type { MostReactedProps } from './views/most-reacted.js';
import type { ReactionWidgetProps } from './views/widget.js';

/** Widget data for a story page, and whether it holds the reader's own choice. */
export async function reactionWidgetFor(ctx: AppContext, request: FastifyRequest, article: { id: number; slug: string }): Promise<{ widget: ReactionWidgetProps; personal: boolean }> {
  const readerId = readerIdOf(request);
  const state = await reactionState({ db: ctx.db, reactions: ctx.reactions }, { articleId: article.id, readerId });
  return { widget: { slug: article.slug, state }, personal: readerId !== undefined };
}

/** Response headers for a page built with `reactionWidgetFor`, per step 2 above. */
export function cacheHeadersFor(personal: boolean): Record<string, string> {
  return personal ? { 'cache-control': 'private, no-cache', vary: 'Cookie' } : {};
}

/** The home page's "Most loved this week" block; `top` picks another reaction (unknown keys fall back). */
export async function mostReactedFor(ctx: AppContext, top: string | undefined): Promise<MostReactedProps> {
  const set = ctx.reactions.set;
  const selected = set.find((r) => r.key === top)?.key ?? set[0]!.key;
  const items = await mostReactedThisWeek({ reaction: selected }, { db: ctx.db, clock: ctx.clock, reactions: ctx.reactions });
  return { set, selected, items };
}
