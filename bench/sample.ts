// Random requests for the scale scenarios: stories and search queries drawn from the whole
// database, so the run reads cold rows and index pages the way a long tail of readers does,
// instead of one story that sits in every cache.
import { sql } from 'kysely';
import { openDb } from '../src/db/connection.js';
import type { ScenarioContext } from './scenarios.js';

async function sample(ctx: ScenarioContext, query: ReturnType<typeof sql<{ v: string }>>): Promise<string[]> {
  const location = ctx.database;
  if (!location) throw new Error('random scenarios need the server database (ctx.database)');
  const db = openDb(location.url ? { databaseUrl: location.url } : { sqliteFile: location.sqliteFile! });
  try {
    return (await query.execute(db.kysely)).rows.map((r) => r.v);
  } finally {
    await db.close();
  }
}

/** Up to 2,000 published stories picked at random from the whole table. */
export async function randomStoryPaths(ctx: ScenarioContext): Promise<string[]> {
  const slugs = await sample(ctx, sql<{ v: string }>`select slug as v from articles where status = 'published' order by random() limit 2000`);
  if (slugs.length === 0) throw new Error('no published stories to sample');
  return slugs.map((s) => `/articles/${encodeURIComponent(s)}`);
}

/** Search pages for up to 300 names of people picked at random (what readers search for most). */
export async function randomSearchPaths(ctx: ScenarioContext): Promise<string[]> {
  const names = await sample(ctx, sql<{ v: string }>`select display_name as v from people order by random() limit 300`);
  if (names.length === 0) throw new Error('no people to search for');
  return names.map((n) => `/search?q=${encodeURIComponent(n.toLowerCase())}`);
}
