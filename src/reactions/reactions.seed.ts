import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';

/** Demo votes per story slug, so the widget and the weekly lists are not empty on a fresh install. */
export const DEMO_VOTES: Record<string, Record<string, number>> = {
  'watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless': { love: 48, haha: 6, wow: 21, sad: 2, angry: 1, scared: 9 },
  'song-kang-from-love-alarm-to-nevertheless': { love: 31, wow: 4, haha: 2 },
  'han-so-hee-my-name-action-training': { wow: 14, love: 10, scared: 6 },
  'nevertheless-webtoon-to-screen-what-changed': { love: 12, wow: 7, sad: 3 },
  'nevertheless-supporting-cast-steals-scenes': { haha: 9, love: 5 },
};

/**
 * Adds the demo votes (readers `demo-<reaction>-<n>`) to each demo story that has no votes at all,
 * rows and totals in one transaction per story. A story with any vote is left alone, so a second
 * run changes nothing and real votes are never mixed with invented ones.
 */
export async function seedDemoReactions(deps: { db: Kysely<Database>; clock: Clock }): Promise<number> {
  const nowMs = deps.clock().getTime();
  let added = 0;
  for (const [slug, votes] of Object.entries(DEMO_VOTES)) {
    added += await deps.db.transaction().execute(async (trx) => {
      const article = await trx.selectFrom('articles').select(['id', 'published_at']).where('slug', '=', slug).executeTakeFirst();
      if (!article) return 0;
      const any = await trx.selectFrom('reactions').select('reader_id').where('article_id', '=', article.id).limit(1).executeTakeFirst();
      if (any) return 0;
      const fromMs = Math.min(nowMs, Date.parse(article.published_at ?? new Date(nowMs).toISOString()));
      const rows = Object.entries(votes).flatMap(([reaction, n]) =>
        Array.from({ length: n }, (_, i) => ({
          article_id: article.id,
          reader_id: `demo-${reaction}-${i + 1}`,
          reaction,
          // Spread between publication and now, so "this week" lists include them.
          voted_at: new Date(fromMs + ((nowMs - fromMs) * (i + 1)) / (n + 1)).toISOString(),
        })),
      );
      await trx.insertInto('reactions').values(rows).execute();
      for (const [reaction, n] of Object.entries(votes)) {
        await trx
          .insertInto('reaction_totals')
          .values({ article_id: article.id, reaction, votes: n })
          .onConflict((oc) => oc.columns(['article_id', 'reaction']).doUpdateSet({ votes: n }))
          .execute();
      }
      return rows.length;
    });
  }
  return added;
}
