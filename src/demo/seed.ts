import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { saveArticle } from '../articles/articles.service.js';
import { buildNameIndex } from '../catalog/linking.service.js';
import { seedDemoReactions } from '../reactions/reactions.seed.js';
import { seedDemoComments } from '../comments/comments.seed.js';
import { demoArticles, demoAuthors, demoDramas, demoNetworks, demoPeople } from './demo.data.js';

export interface SeedReport {
  /** How many rows each kind of thing gained; all zero on a second run. */
  created: { networks: number; people: number; dramas: number; roles: number; authors: number; articles: number };
}

/** True when the database holds no story and no person: a fresh install. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const a = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  const p = await db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  return !a && !p;
}

/**
 * Writes the demo content. Idempotent: things are found by slug and only missing ones are added,
 * so a second run changes nothing and never overwrites an editor's changes.
 */
export async function seedDemo(deps: { db: Kysely<Database>; clock: Clock }): Promise<SeedReport> {
  const { db, clock } = deps;
  const now = clock().toISOString();
  const created = { networks: 0, people: 0, dramas: 0, roles: 0, authors: 0, articles: 0 };

  await db.transaction().execute(async (trx) => {
    const idOf = async (table: 'networks' | 'people' | 'dramas' | 'authors', slug: string) =>
      (await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())?.id;

    for (const n of demoNetworks) {
      if (await idOf('networks', n.slug)) continue;
      await trx.insertInto('networks').values({ slug: n.slug, name: n.name, time_zone: n.timeZone, country: n.country }).execute();
      created.networks++;
    }
    for (const p of demoPeople) {
      if (await idOf('people', p.slug)) continue;
      const { id } = await trx
        .insertInto('people')
        .values({
          slug: p.slug, display_name: p.displayName, family_name: p.familyName, given_name: p.givenName,
          hangul_name: p.hangulName, birth_date: p.birthDate, pronouns: p.pronouns, photo_url: null, bio: p.bio,
          created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.aliases.length) await trx.insertInto('person_aliases').values(p.aliases.map((alias) => ({ person_id: id, alias }))).execute();
      created.people++;
    }
    for (const d of demoDramas) {
      let dramaId = await idOf('dramas', d.slug);
      if (!dramaId) {
        const networkId = await idOf('networks', d.network);
        ({ id: dramaId } = await trx
          .insertInto('dramas')
          .values({
            slug: d.slug, title: d.title, native_title: d.nativeTitle, network_id: networkId ?? null, country: 'KR', year: d.year,
            episodes: d.episodes, runtime_minutes: d.runtimeMinutes, genres: d.genres.join(', '), synopsis: d.synopsis,
            source_title: d.source?.title ?? null, source_type: d.source?.type ?? null, source_creator: d.source?.creator ?? null,
            poster_url: null, first_air_date: d.firstAirDate, last_air_date: d.lastAirDate, created_at: now, updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow());
        const id = dramaId;
        if (d.aliases.length) await trx.insertInto('drama_aliases').values(d.aliases.map((alias) => ({ drama_id: id, alias }))).execute();
        if (d.platforms.length) await trx.insertInto('drama_platforms').values(d.platforms.map((p) => ({ drama_id: id, ...p }))).execute();
        if (d.slots.length) await trx.insertInto('schedule_slots').values(d.slots.map((s) => ({ drama_id: id, weekday: s.weekday, local_time: s.time }))).execute();
        created.dramas++;
      }
      for (const r of d.cast) {
        const personId = await idOf('people', r.person);
        if (!personId) continue;
        const exists = await trx.selectFrom('roles').select('id').where('person_id', '=', personId).where('drama_id', '=', dramaId).where('character_name', '=', r.character).executeTakeFirst();
        if (exists) continue;
        const { id: roleId } = await trx
          .insertInto('roles')
          .values({ person_id: personId, drama_id: dramaId, character_name: r.character, billing: r.billing, billing_order: r.order })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (r.aliases?.length) await trx.insertInto('role_aliases').values(r.aliases.map((alias) => ({ role_id: roleId, alias }))).execute();
        created.roles++;
      }
    }
    for (const a of demoAuthors) {
      if (await idOf('authors', a.slug)) continue;
      await trx.insertInto('authors').values({ slug: a.slug, name: a.name, bio: a.bio, created_at: now }).execute();
      created.authors++;
    }
  });

  const nameIndex = await buildNameIndex(db);
  for (const a of demoArticles) {
    const exists = await db.selectFrom('articles').select('id').where('slug', '=', a.slug).executeTakeFirst();
    if (exists) continue;
    const author = await db.selectFrom('authors').select('id').where('slug', '=', a.author).executeTakeFirst();
    await saveArticle(
      {
        slug: a.slug, kind: a.kind, headline: a.headline, dek: a.dek, body: a.body, status: 'published',
        publishedAt: new Date(clock().getTime() - a.hoursAgo * 3_600_000).toISOString(), authorId: author?.id ?? null, tags: a.tags,
      },
      { db, clock, nameIndex },
    );
    created.articles++;
  }
  await seedDemoReactions({ db, clock });
  await seedDemoComments({ db, clock });
  return { created };
}
