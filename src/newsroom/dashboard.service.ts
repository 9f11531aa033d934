import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { weekOnAir } from '../schedule/schedule.service.js';

/** What the dashboard shows. Views are not tracked by Onset, so "top" ranks by comments and reactions. */
export async function loadDashboard(deps: { db: Kysely<Database>; now: Date }) {
  const db = deps.db;
  const [byStatus, pending, week, topComments, topReactions] = await Promise.all([
    db.selectFrom('articles').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute(),
    db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    weekOnAir({ db, now: deps.now }, { zone: 'Asia/Seoul' }),
    db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id').select(['articles.id', 'articles.headline', (eb) => eb.fn.countAll<number>().as('n')]).where('comments.status', '=', 'approved').groupBy(['articles.id', 'articles.headline']).orderBy('n', 'desc').limit(5).execute(),
    db.selectFrom('reaction_totals').innerJoin('articles', 'articles.id', 'reaction_totals.article_id').select(['articles.id', 'articles.headline', (eb) => eb.fn.sum<number>('reaction_totals.votes').as('n')]).groupBy(['articles.id', 'articles.headline']).orderBy('n', 'desc').limit(5).execute(),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
    pendingComments: Number(pending.n),
    week: week.days.flatMap((d) => d.episodes.map((e) => ({ date: d.date, time: e.local.time, title: e.drama.title, number: e.number }))),
    topComments: topComments.map((r) => ({ id: r.id, headline: r.headline, n: Number(r.n) })),
    topReactions: topReactions.map((r) => ({ id: r.id, headline: r.headline, n: Number(r.n) })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
