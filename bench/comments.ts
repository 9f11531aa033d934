// Comment benchmarks: POST throughput with every acknowledged comment checked to be stored once,
// and the seeding of bench-only stories with 200 and 1,000 approved comments for the render rows.
//
// All bench load comes from one IP and posts faster than any person could, so before posting the
// harness relaxes three discussion settings in the bench server's own (temporary) database:
// the per-IP and per-email rate limits and the minimum time from form to submit. Every other rule
// runs as in production (first comments are held: 202), and the duplicate check is never hit
// because each request carries a unique body and a unique email.
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { openDb, type Db } from '../src/db/connection.js';
import { insertComment } from '../src/comments/comments.repository.js';
import { saveCommentSettings } from '../src/comments/settings.js';
import { statsFrom, type LoadOptions, type Target } from './measure.js';
import type { ScenarioContext } from './scenarios.js';
import type { CheckedStats } from './votes.js';

/** Discussion settings the harness sets for the comment-post scenario (documented in README.md). */
export const BENCH_COMMENT_SETTINGS = { minSecondsToSubmit: 0, rateWindowSeconds: 1, maxPerIpPerWindow: 100_000, maxPerEmailPerWindow: 100_000 };

function openBenchDb(ctx: ScenarioContext): Db {
  const location = ctx.database;
  if (!location) throw new Error('the comment scenarios need the server database (ctx.database)');
  return openDb(location.url ? { databaseUrl: location.url } : { sqliteFile: location.sqliteFile! });
}

async function withBenchDb<T>(ctx: ScenarioContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openBenchDb(ctx);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The POST path for comments on the first story, after relaxing the flood limits (see top). */
export async function commentPostPath(ctx: ScenarioContext): Promise<string> {
  const list = await ctx.getJson<{ items: Array<{ slug: string }> }>('/api/v1/articles?limit=1');
  if (!list.items[0]) throw new Error('GET /api/v1/articles?limit=1 returned no items (demo seed missing?)');
  await withBenchDb(ctx, (db) => saveCommentSettings(db.kysely, BENCH_COMMENT_SETTINGS, new Date().toISOString()));
  return `/api/v1/articles/${encodeURIComponent(list.items[0].slug)}/comments`;
}

/** A valid request body for the one-off resolve request of the harness. */
export function oneCommentBody(formToken: string): string {
  const n = crypto.randomUUID();
  return JSON.stringify({ body: `Bench resolve comment ${n}`, authorName: 'Bench Reader', authorEmail: `resolve-${n}@bench.example`, formToken });
}


/** Sends comments with unique bodies and emails (prefix + counter); resolves with autocannon's result. */
function post(target: Target, formToken: string, prefix: string, opts: { connections: number; durationSec?: number; amount?: number }, latencies?: number[]) {
  let n = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationSec ?? 1 }),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const i = n++;
              return { ...req, body: JSON.stringify({ body: `${prefix} ${i}: what a scene, I watched it twice.`, authorName: `Bench Reader ${i}`, authorEmail: `${prefix.replace(/\W+/g, '-')}-${i}@bench.example`, formToken }) };
            },
          },
        ],
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

/** Rows stored with this body prefix, and how many distinct bodies among them. */
async function stored(db: Db, prefix: string): Promise<{ rows: number; distinct: number; logs: number }> {
  const rows = await db.kysely.selectFrom('comments').select(['id', 'body']).where('body', 'like', `${prefix} %`).execute();
  const ids = rows.map((r) => r.id);
  let logs = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const row = await db.kysely.selectFrom('comment_moderation_log').select((eb) => eb.fn.countAll<number>().as('n')).where('comment_id', 'in', part).where('action', '=', 'posted').executeTakeFirstOrThrow();
    logs += Number(row.n);
  }
  return { rows: rows.length, distinct: new Set(rows.map((r) => r.body)).size, logs };
}

/**
 * Sustained comment posts/s. Warm-up for a time (discarded, its own prefix), then a fixed number
 * of posts sized to last about --duration; after every answer is in, the comments stored with the
 * measured run's prefix must number exactly the 2xx answers, each body once, each with its
 * "posted" moderation-log row.
 */
export async function measureCommentPosts(ctx: ScenarioContext, target: Target, load: LoadOptions): Promise<CheckedStats> {
  const { formToken } = await ctx.getJson<{ formToken: string }>(new URL(target.url).pathname);
  const run = crypto.randomUUID().slice(0, 8);
  let warmRate = 0;
  if (load.warmupSec > 0) {
    const warm = await post(target, formToken, `Bench warm-up ${run}`, { connections: load.connections, durationSec: load.warmupSec });
    warmRate = warm['2xx'] / Math.max(warm.duration, 0.001);
  }
  const prefix = `Bench comment ${run}`;
  const amount = Math.max(load.connections * 10, Math.round((warmRate || 500) * load.durationSec));
  const latencies: number[] = [];
  const result = await post(target, formToken, prefix, { connections: load.connections, amount }, latencies);
  const after = await withBenchDb(ctx, (db) => stored(db, prefix));

  const acked = result['2xx'];
  const ok = after.rows === acked && after.distinct === acked && after.logs === acked && result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  const detail =
    `${result.requests.sent} sent, ${acked} acknowledged (2xx), ${result.non2xx} other, ${result.errors} errors; ` +
    `stored ${after.rows} (${after.distinct} distinct bodies, ${after.logs} log rows): ` +
    (ok ? 'every acknowledged comment stored exactly once' : `MISMATCH (lost ${Math.max(0, acked - after.distinct)}, extra ${Math.max(0, after.rows - acked)})`);
  return {
    // Acknowledged writes over the wall time of the measured run (all answers included).
    stats: statsFrom(result, latencies, acked / Math.max(result.duration, 0.001)),
    check: { ok, detail },
  };
}

/** Top-level comments of a seeded story: one page's worth (the default 50), so every comment renders. */
const SEEDED_THREADS = 50;

/**
 * A bench-only story (published long ago, so it never shows on the home page or in the other
 * scenarios' bytes) with `count` approved comments written through the repository: 50 top-level
 * comments, the rest spread over them as replies up to depth 3, all on the first page.
 */
export async function seedCommentedStory(ctx: ScenarioContext, count: number): Promise<string> {
  const slug = `bench-story-with-${count}-comments`;
  await withBenchDb(ctx, async (db) => {
    const existing = await db.kysely.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
    if (existing) return;
    const at = (minutes: number) => new Date(Date.UTC(2001, 0, 1) + minutes * 60_000).toISOString();
    await db.kysely.transaction().execute(async (trx) => {
      const article = await trx
        .insertInto('articles')
        .values({ slug, kind: 'news', headline: `Bench story with ${count} comments`, dek: 'A story for the render benchmark.', body: 'A short body.\n\nThe comments below are the point.', status: 'published', published_at: at(0), author_id: null, lead_image_url: null, lead_image_alt: null, created_at: at(0), updated_at: at(0) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids: { id: number; depth: number }[] = [];
      for (let i = 0; i < count; i++) {
        // Top-level first, then each reply goes under an earlier comment of depth < 3.
        const parent = i < SEEDED_THREADS ? undefined : ids.filter((c) => c.depth < 3)[(i * 7) % ids.filter((c) => c.depth < 3).length];
        const email = `bench-reader-${i % 97}@bench.example`;
        const id = await insertComment(trx, {
          article_id: article.id,
          parent_id: parent?.id ?? null,
          depth: (parent?.depth ?? 0) + 1,
          author_name: `Bench Reader ${i % 97}`,
          author_email: email,
          author_url: i % 5 === 0 ? `https://reader${i % 97}.example/` : null,
          author_ip: '127.0.0.1',
          user_agent: 'bench',
          avatar_key: crypto.createHash('sha256').update(`bench-avatar-${i % 97}`).digest('hex'),
          body: `Comment ${i} on the bench story. **Loved** the scene at https://video.example/clip-${i} and *the* ending.\n\n> quoting an earlier line\n\nMore thoughts, with \`code\` too.`,
          status: 'approved',
          status_reason: null,
          created_at: at(i + 1),
          updated_at: at(i + 1),
        });
        ids.push({ id, depth: (parent?.depth ?? 0) + 1 });
      }
    });
  });
  return `/articles/${slug}`;
}
