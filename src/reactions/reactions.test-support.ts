// Shared by the reaction tests (not a test file itself): an app with chosen caps, cookie helpers,
// and the ground truth read straight from the tables.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { Db } from '../db/connection.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import type { ReactionsOptions } from './reactions.runtime.js';
import { READER_COOKIE } from './reader-cookie.js';
import { countVoteRows, readTotals } from './reactions.repository.js';
import { resetReactions } from './reactions.service.js';

export const TEST_NOW = '2026-11-25T12:00:00.000Z';
export const ADMIN_TOKEN = 'staff-token-for-tests-0000';
export const SLUG = WATCH_ARTICLE_SLUG;
export const API = `/api/v1/articles/${SLUG}/reactions`;

/** Caps high enough that many readers from one test IP are never refused. */
export const NO_CAPS: ReactionsOptions = { limits: { readersPerArticlePerIpPerHour: 1_000_000, votesPerIpPerMinute: 1_000_000 } };

export async function buildReactionsApp(db: Db, reactions: ReactionsOptions = NO_CAPS) {
  const clock = fixedClock(TEST_NOW);
  await seedDemo({ db: db.kysely, clock });
  const app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: ADMIN_TOKEN, reactions });
  return { app, clock };
}

/** `onset_reader=<signed value>` exactly as the server set it, for a Cookie header; undefined if none was set. */
export function readerCookieFrom(res: LightMyRequestResponse): string | undefined {
  const headers = res.headers['set-cookie'];
  const list = Array.isArray(headers) ? headers : headers ? [headers] : [];
  return list.map((h) => h.split(';')[0]!).find((c) => c.startsWith(`${READER_COOKIE}=`));
}

/** A Cookie header for reader `id`, signed with the app's secret (what a returning reader sends). */
export function cookieFor(app: FastifyInstance, id: string): string {
  return `${READER_COOKIE}=${encodeURIComponent(app.signCookie(id))}`;
}

export async function articleIdOf(db: Db, slug = SLUG): Promise<number> {
  return (await db.kysely.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Empties the story's votes so a test starts from zero. */
export async function clearVotes(db: Db, slug = SLUG): Promise<number> {
  return resetReactions({ articleId: await articleIdOf(db, slug) }, { db });
}

/** The stored totals and the vote rows counted, both as plain objects without zero entries. */
export async function storedCounts(db: Db, slug = SLUG): Promise<{ totals: Record<string, number>; rows: Record<string, number> }> {
  const id = await articleIdOf(db, slug);
  const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)));
  return { totals: nonZero(await readTotals(db, id)), rows: nonZero(await countVoteRows(db.kysely, id)) };
}

/** Counts per reaction of the final choices (null = no vote). */
export function tally(finals: Iterable<string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of finals) if (f) out[f] = (out[f] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** A small seeded PRNG, so a failing random schedule can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
