import { httpRequest } from './proc.js';
import type { LoadOptions, Target } from './measure.js';
import { measureVotes, type CheckedStats } from './votes.js';

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
    name: 'article-page',
    path: async ({ getJson }) => {
      const list = await getJson<ArticleList>('/api/v1/articles?limit=1');
      const first = list.items[0];
      if (!first) throw new Error('GET /api/v1/articles?limit=1 returned no items (demo seed missing?)');
      return `/articles/${encodeURIComponent(first.slug)}`;
    },
    reference: 'same-bytes',
  },
  {
    name: 'home-page',
    path: '/',
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
