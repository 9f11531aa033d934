import { httpRequest } from './proc.js';
import type { LoadOptions, Target } from './measure.js';
import { measureVotes, type CheckedStats } from './votes.js';
import { WATCH_ARTICLE_SLUG } from '../src/demo/demo.data.js';
import { randomSearchPaths, randomStoryPaths } from './sample.js';
import { commentPostPath, measureCommentPosts, oneCommentBody, seedCommentedStory } from './comments.js';

// The harness posts a scenario's body once while resolving it; a comment needs a fresh form token.
let commentFormToken = '';

// A personal cookie (here an unsigned, meaningless reader id) makes the page cache step aside, so
// the request is rendered fresh, as for a reader who has voted; "-uncached" scenarios send it.
const UNCACHED = { cookie: 'onset_reader=bench' };

/** The demo story (the one with the video and the demo comments), also at --scale. */
async function demoStoryPath(): Promise<string> {
  return `/articles/${encodeURIComponent(WATCH_ARTICLE_SLUG)}`;
}

/** What a scenario can use to work out its request (e.g. look up a slug through the API). */
export interface ScenarioContext {
  baseUrl: string;
  /** GET a JSON document from the server; throws on a non-2xx status. */
  getJson: <T = unknown>(path: string) => Promise<T>;
  /** The server's database, for scenarios that check what was stored (votes). */
  database?: { sqliteFile?: string; url?: string } | undefined;
}

export interface Scenario {
  /** Short unique name, [a-z0-9-]; used in the table, results.json and nginx file names. */
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Request path, or a function resolving it against the running (seeded) server. */
  path: string | ((ctx: ScenarioContext) => Promise<string>);
  headers?: Record<string, string>;
  body?: string;
  /**
   * Static reference served by nginx, for the ratio column:
   * - 'same-bytes': fetch this scenario's response once and serve exactly those bytes;
   * - a Uint8Array: serve these bytes;
   * - omitted: no reference, ratio "n/a".
   */
  reference?: 'same-bytes' | Uint8Array;
  /**
   * Concurrent connections for this scenario (and its nginx reference) instead of --connections:
   * a render that takes tens of ms, 50 deep, only measures the queue (and hits autocannon's 10 s
   * timeout); at one connection p99 is the render's own latency.
   */
  connections?: number;
  /**
   * Many requests instead of one: each request takes a random path of this list (the first is
   * the one resolved and fetched for the reference bytes). Used with `path` unset.
   */
  paths?: (ctx: ScenarioContext) => Promise<string[]>;
  /**
   * Measures the scenario itself instead of the harness's autocannon run, and checks what the
   * server did (e.g. votes stored = votes acknowledged); a failed check fails the bench.
   */
  run?: (ctx: ScenarioContext, target: Target, load: LoadOptions) => Promise<CheckedStats>;
}

interface ArticleList {
  items: Array<{ slug: string; headline: string; kind: string }>;
}

/** The benchmark scenarios, in run order. Add new ones here. */
export const scenarios: Scenario[] = [
  {
    // The demo story (video, comments, reactions), as most readers get it: a page-cache hit.
    name: 'article-page',
    path: demoStoryPath,
    reference: 'same-bytes',
  },
  {
    // The same story rendered fresh: a personal cookie makes the page cache step aside.
    name: 'article-page-uncached',
    path: demoStoryPath,
    headers: UNCACHED,
    reference: 'same-bytes',
  },
  {
    // A story picked at random from the whole table for every request, rendered fresh, one
    // connection (p99 is the render's own latency): at --scale, the long tail of cold stories.
    name: 'story-random-uncached',
    path: '',
    paths: randomStoryPaths,
    headers: UNCACHED,
    connections: 1,
    reference: 'same-bytes',
  },
  {
    name: 'home-page',
    path: '/',
    reference: 'same-bytes',
  },
  {
    name: 'search',
    path: '/search?q=song+kang',
    reference: 'same-bytes',
  },
  {
    // The search page for a random person's name each request (300 names drawn from the whole
    // table), rendered fresh, one connection: the per-search latency (issue 10: p95 < 50 ms at 1M).
    name: 'search-random',
    path: '',
    paths: randomSearchPaths,
    headers: UNCACHED,
    connections: 1,
    reference: 'same-bytes',
  },
  {
    // The same query through the JSON API (src/search/): no page render, just search.
    name: 'search-api',
    path: '/api/v1/search?q=song+kang',
    reference: 'same-bytes',
  },
  {
    // A misspelt name ("Yan" for Yang): exact terms miss, so the fuzzy path (trigrams, variants) runs.
    name: 'search-api-typo',
    path: '/api/v1/search?q=yan+hye+ji',
    reference: 'same-bytes',
  },
  {
    // Sustained votes/s, every request a new reader; stored totals checked against the 2xx count (bench/votes.ts).
    name: 'votes',
    method: 'PUT',
    path: async ({ getJson }) => {
      const list = await getJson<ArticleList>('/api/v1/articles?limit=1');
      if (!list.items[0]) throw new Error('GET /api/v1/articles?limit=1 returned no items (demo seed missing?)');
      return `/api/v1/articles/${encodeURIComponent(list.items[0].slug)}/reactions`;
    },
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reaction: 'love' }),
    run: measureVotes,
  },
  {
    // Sustained comment posts/s, unique bodies and emails; every 2xx checked stored exactly once (bench/comments.ts).
    name: 'comment-posts',
    method: 'POST',
    path: async (ctx) => {
      const p = await commentPostPath(ctx);
      commentFormToken = (await ctx.getJson<{ formToken: string }>(p)).formToken;
      return p;
    },
    headers: { 'content-type': 'application/json' },
    get body() {
      return oneCommentBody(commentFormToken);
    },
    run: measureCommentPosts,
  },
  {
    // A bench-only story with 200 approved comments (50 threads, all on the first page).
    name: 'article-200-comments',
    path: (ctx) => seedCommentedStory(ctx, 200),
    reference: 'same-bytes',
  },
  {
    name: 'article-200-comments-uncached',
    path: (ctx) => seedCommentedStory(ctx, 200),
    headers: UNCACHED,
    connections: 1,
    reference: 'same-bytes',
  },
  {
    name: 'article-500-comments',
    path: (ctx) => seedCommentedStory(ctx, 500),
    reference: 'same-bytes',
  },
  {
    name: 'article-500-comments-uncached',
    path: (ctx) => seedCommentedStory(ctx, 500),
    headers: UNCACHED,
    connections: 1,
    reference: 'same-bytes',
  },
  {
    name: 'article-1000-comments',
    path: (ctx) => seedCommentedStory(ctx, 1000),
    reference: 'same-bytes',
  },
];

export function makeContext(baseUrl: string, database?: ScenarioContext['database']): ScenarioContext {
  return {
    baseUrl,
    database,
    getJson: async <T>(path: string) => {
      const res = await httpRequest(baseUrl + path, 'GET', undefined, { accept: 'application/json' });
      if (res.status < 200 || res.status >= 300) throw new Error(`GET ${path}: status ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
      return JSON.parse(res.body.toString('utf8')) as T;
    },
  };
}
