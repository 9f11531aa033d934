// Sustained votes/s, with the stored totals checked against the votes acknowledged.
//
// Every request is PUT /api/v1/articles/:slug/reactions without a cookie: each one is a new reader
// (the worst case: a reader id is made and a cookie signed every time), so every 2xx answer must
// add exactly one vote. The reactions cycle through the six, as a burst on one story spreads
// over them. The warm-up runs for a time (its answers are discarded); the measured run sends a
// fixed number of requests and waits for every answer, so nothing is in flight when the totals
// are read again: stored after - before must equal the 2xx count, in the totals the API serves
// and in the vote rows themselves. The server must run with the per-IP caps raised (see server.ts).
import autocannon from 'autocannon';
import { openDb } from '../src/db/connection.js';
import { statsFrom, type LoadOptions, type Stats, type Target } from './measure.js';
import type { ScenarioContext } from './scenarios.js';

const REACTIONS = ['love', 'haha', 'wow', 'sad', 'angry', 'scared'];

export interface CheckedStats {
  stats: Stats;
  /** ok: zero lost and zero doubled votes; detail: the numbers, for the report. */
  check: { ok: boolean; detail: string };
}

interface Counts {
  total: number;
  rows: number | null;
}

function run(target: Target, opts: { connections: number; durationSec?: number; amount?: number }, latencies?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationSec ?? 1 }),
        // Each connection cycles through these; static requests are built once (the load generator
        // shares the two cores with the server, so its cost per request matters).
        requests: REACTIONS.map((reaction) => ({ method: 'PUT' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reaction }) })),
      },
      (err: unknown, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
    );
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
      });
    }
  });
}


/** Counts of the story: the API's total (from reaction_totals) and, when reachable, the vote rows. */
async function counts(ctx: ScenarioContext, apiPath: string, slug: string): Promise<Counts> {
  const total = (await ctx.getJson<{ total: number }>(apiPath)).total;
  const location = ctx.database;
  if (!location) return { total, rows: null };
  const db = openDb(location.url ? { databaseUrl: location.url } : { sqliteFile: location.sqliteFile! });
  try {
    const row = await db.kysely
      .selectFrom('reactions')
      .innerJoin('articles', 'articles.id', 'reactions.article_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('articles.slug', '=', slug)
      .executeTakeFirstOrThrow();
    return { total, rows: Number(row.n) };
  } finally {
    await db.close();
  }
}

/** Waits until the count stops moving (warm-up requests still being committed when it ended). */
async function settled(ctx: ScenarioContext, apiPath: string, slug: string): Promise<Counts> {
  let last = await counts(ctx, apiPath, slug);
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await counts(ctx, apiPath, slug);
    if (now.total === last.total && now.rows === last.rows) return now;
    last = now;
  }
}

export async function measureVotes(ctx: ScenarioContext, target: Target, load: LoadOptions): Promise<CheckedStats> {
  const apiPath = new URL(target.url).pathname;
  const slug = decodeURIComponent(apiPath.split('/')[4] ?? '');
  let warmRate = 0;
  if (load.warmupSec > 0) {
    const warm = await run(target, { connections: load.connections, durationSec: load.warmupSec });
    warmRate = warm['2xx'] / Math.max(warm.duration, 0.001);
  }
  const before = await settled(ctx, apiPath, slug);
  // A fixed amount sized from the warm-up rate, so the measured run lasts about --duration.
  const amount = Math.max(load.connections * 20, Math.round((warmRate || 2000) * load.durationSec));
  const latencies: number[] = [];
  const result = await run(target, { connections: load.connections, amount }, latencies);
  const after = await counts(ctx, apiPath, slug);

  const acked = result['2xx'];
  const stored = after.total - before.total;
  const rows = after.rows !== null && before.rows !== null ? after.rows - before.rows : null;
  const ok = stored === acked && (rows === null || rows === acked) && result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  const detail =
    `${result.requests.sent} sent, ${acked} acknowledged (2xx), ${result.non2xx} other, ${result.errors} errors; ` +
    `stored totals +${stored}${rows === null ? '' : `, vote rows +${rows}`}: ` +
    (ok ? 'zero lost, zero doubled' : `MISMATCH (lost ${Math.max(0, acked - stored)}, extra ${Math.max(0, stored - acked)})`);

  return {
    // Acknowledged writes over the wall time of the measured run (all answers included).
    stats: statsFrom(result, latencies, acked / Math.max(result.duration, 0.001)),
    check: { ok, detail },
  };
}
