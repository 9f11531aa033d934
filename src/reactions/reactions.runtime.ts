import { DEFAULT_REACTIONS, type ReactionDef } from './reaction-set.js';
import { DEFAULT_VOTE_LIMITS, MemoryCapStore, type CapStore, type VoteLimits } from './caps.js';
import type { ArticleForVotes } from './reactions.repository.js';

/** Reaction settings given to buildApp (from Config.reactions, or from a test). */
export interface ReactionsOptions {
  /** The reactions offered, in display order; DEFAULT_REACTIONS when absent. */
  set?: readonly ReactionDef[] | undefined;
  limits?: Partial<VoteLimits> | undefined;
  /** Where cap counters live; process memory when absent. */
  capStore?: CapStore | undefined;
}

/** What the reaction routes and the pages that show reactions share for the life of the app. */
export interface ReactionsRuntime {
  set: readonly ReactionDef[];
  limits: VoteLimits;
  capStore: CapStore;
  /** Memo of the "most … this week" lists, see mostReactedThisWeek. */
  topCache: Map<string, { computedAtMs: number; items: TopItem[] }>;
  /** Stories by slug as votes last read them, see findVotableArticle. */
  articleCache: Map<string, { article: ArticleForVotes; readAtMs: number }>;
}

export interface TopItem {
  slug: string;
  headline: string;
  kind: string;
  votes: number;
}

export function createReactionsRuntime(options: ReactionsOptions = {}): ReactionsRuntime {
  return {
    set: options.set ?? DEFAULT_REACTIONS,
    limits: { ...DEFAULT_VOTE_LIMITS, ...options.limits },
    capStore: options.capStore ?? new MemoryCapStore(),
    topCache: new Map(),
    articleCache: new Map(),
  };
}
