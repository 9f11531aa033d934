import type { Db } from '../db/connection.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { checkVoteCaps } from './caps.js';
import { sharesOf, type ReactionDef } from './reaction-set.js';
import type { ReactionsRuntime, TopItem } from './reactions.runtime.js';
import { deleteAllVotes, findArticleForVotes, isLive, listArticleTotals, readTotals, readVote, topArticlesByReaction, writeVote, type ArticleForVotes } from './reactions.repository.js';

/** Counts of one story as a reader sees them. */
export interface ReactionState {
  /** Votes over the configured reactions. */
  total: number;
  reactions: (ReactionDef & { count: number; /** whole percent; all shares add up to 100 */ share: number })[];
  /** The caller's reaction, or null (no vote, or no reader cookie). */
  myVote: string | null;
}

/** Over a cap: HTTP answers 429 with this message (an HTML page, or JSON under /api). */
export class VoteRefusedError extends Error {
  readonly statusCode = 429;
  constructor(
    message: string,
    readonly retryAfterSec: number,
  ) {
    super(message);
    this.name = 'VoteRefusedError';
  }
}

export function stateOf(set: readonly ReactionDef[], totals: Map<string, number>, myVote: string | null): ReactionState {
  const counts = set.map((r) => totals.get(r.key) ?? 0);
  const shares = sharesOf(counts);
  return {
    total: counts.reduce((a, b) => a + b, 0),
    reactions: set.map((r, i) => ({ ...r, count: counts[i]!, share: shares[i]! })),
    // A vote for a reaction that was since removed from the set shows as no vote.
    myVote: myVote && set.some((r) => r.key === myVote) ? myVote : null,
  };
}

/**
 * How long a vote trusts what it read about a story. Every vote and every count request needs the
 * story's id; its row is the widest in the database (the body), so reading it on each of thousands
 * of votes a second cost more than the vote. A slug's id never changes; whether the story is live is
 * checked against the clock on every use, so a scheduled story opens on time; an unpublished or
 * deleted one stops taking votes within this time (a vote racing a deletion gets the 404 below).
 */
export const ARTICLE_CACHE_MS = 5_000;
const ARTICLE_CACHE_SIZE = 10_000;

const notFound = (slug: string) => new DomainError(`No published story has the slug "${slug}"`, 404);

/** The live story with this slug, or a 404. */
export async function findVotableArticle(deps: { db: Db; clock: Clock; reactions: Pick<ReactionsRuntime, 'articleCache'> }, slug: string): Promise<ArticleForVotes> {
  const cache = deps.reactions.articleCache;
  const nowMs = Date.now();
  let entry = cache.get(slug);
  if (!entry || nowMs - entry.readAtMs >= ARTICLE_CACHE_MS) {
    const article = await findArticleForVotes(deps.db, slug);
    if (!article) {
      cache.delete(slug);
      throw notFound(slug);
    }
    if (cache.size >= ARTICLE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    entry = { article, readAtMs: nowMs };
    cache.set(slug, entry);
  }
  if (!isLive(entry.article, deps.clock().toISOString())) throw notFound(slug);
  return entry.article;
}

/** A vote for a story deleted since it was looked up: the database refuses the row. */
const isMissingArticle = (err: unknown) => ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes((err as { code?: string }).code ?? '');

export async function reactionState(deps: { db: Db; reactions: Pick<ReactionsRuntime, 'set'> }, input: { articleId: number; readerId?: string | undefined }): Promise<ReactionState> {
  const [totals, myVote] = await Promise.all([
    readTotals(deps.db, input.articleId),
    input.readerId ? readVote(deps.db, input.articleId, input.readerId) : Promise.resolve(null),
  ]);
  return stateOf(deps.reactions.set, totals, myVote);
}

/** Throws a 400 unless `key` is in the configured set. */
export function assertReaction(set: readonly ReactionDef[], key: string): void {
  if (!set.some((r) => r.key === key)) {
    throw new DomainError(`"${key.slice(0, 40)}" is not one of the reactions here (${set.map((r) => r.key).join(', ')})`, 400, 'reaction');
  }
}

/**
 * Sets (`reaction`) or withdraws (`null`) a reader's vote, within the per-IP caps, and returns the
 * counts right after it. Acknowledged means committed: the caller answers only after this resolves.
 */
export async function castVote(
  input: { articleId: number; readerId: string; reaction: string | null; ip: string },
  deps: { db: Db; clock: Clock; reactions: ReactionsRuntime },
): Promise<ReactionState> {
  const { reactions } = deps;
  if (input.reaction !== null) assertReaction(reactions.set, input.reaction);
  const now = deps.clock();
  const refused = await checkVoteCaps(
    { ip: input.ip, articleId: input.articleId, readerId: input.readerId, nowMs: now.getTime(), withdraw: input.reaction === null },
    { store: reactions.capStore, limits: reactions.limits },
  );
  if (refused) throw new VoteRefusedError(refused.message, refused.retryAfterSec);
  try {
    const change = await writeVote(deps.db, { articleId: input.articleId, readerId: input.readerId, reaction: input.reaction, at: now.toISOString() });
    return stateOf(reactions.set, change.totals, change.current);
  } catch (err) {
    if (!isMissingArticle(err)) throw err;
    reactions.articleCache.clear();
    throw new DomainError('This story is no longer published.', 404);
  }
}

/** Staff reset: removes every vote on the story; returns how many. */
export async function resetReactions(input: { articleId: number }, deps: { db: Db }): Promise<number> {
  return deleteAllVotes(deps.db.kysely, deps.db.dialect, input.articleId);
}

const WEEK_MS = 7 * 86_400_000;
/**
 * The weekly lists are on the home page, rendered per request. The query is small (this week's
 * stories and their totals), but a minute of staleness is invisible in a weekly ranking, so each
 * process runs it at most once a minute per reaction.
 */
export const TOP_LIST_TTL_MS = 60_000;
export const TOP_LIST_LENGTH = 5;

/** Stories published in the last 7 days with the most votes of `reaction`. */
export async function mostReactedThisWeek(input: { reaction: string }, deps: { db: Db; clock: Clock; reactions: ReactionsRuntime }): Promise<TopItem[]> {
  const nowMs = deps.clock().getTime();
  const cached = deps.reactions.topCache.get(input.reaction);
  if (cached && nowMs - cached.computedAtMs < TOP_LIST_TTL_MS && cached.computedAtMs <= nowMs) return cached.items;
  const rows = await topArticlesByReaction(deps.db.kysely, {
    reaction: input.reaction,
    since: new Date(nowMs - WEEK_MS).toISOString(),
    now: new Date(nowMs).toISOString(),
    limit: TOP_LIST_LENGTH,
  });
  const items = rows.map((r) => ({ slug: r.slug, headline: r.headline, kind: r.kind, votes: Number(r.votes) }));
  deps.reactions.topCache.set(input.reaction, { computedAtMs: nowMs, items });
  return items;
}

/** Per-story totals for the newsroom, most voted first. */
export async function reactionTotalsForNewsroom(input: { limit: number; offset: number }, deps: { db: Db; reactions: Pick<ReactionsRuntime, 'set'> }) {
  const rows = await listArticleTotals(deps.db.kysely, input);
  return rows.map((r) => ({
    slug: r.slug,
    headline: r.headline,
    status: r.status,
    total: r.total,
    counts: Object.fromEntries(deps.reactions.set.map((d) => [d.key, r.counts.get(d.key) ?? 0])),
  }));
}
