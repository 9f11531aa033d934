import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { tokenize } from '../search/normalize.js';
import type { Clock } from '../lib/clock.js';
import { characterRole, commentText, dramaTitle, int, networkName, personName, pick, prng, storyText, type Rand } from './synthetic.js';

/** How much synthetic data to add. */
export interface GenerateInput {
  stories: number;
  comments: number;
  votes: number;
  /** People and dramas to spread the stories over; derived from `stories` when absent. */
  people?: number | undefined;
  dramas?: number | undefined;
  /** Same seed, same data (names, texts, spreads); slugs carry it so two runs can coexist. */
  seed?: number | undefined;
  /** Rows per INSERT statement. */
  batchSize?: number | undefined;
}

export interface GenerateReport {
  people: number;
  dramas: number;
  stories: number;
  comments: number;
  votes: number;
  seconds: number;
}

type Progress = (phase: string, done: number, total: number) => void;
type Deps = { db: Kysely<Database>; clock: Clock; onProgress?: Progress | undefined };

const REACTION_KEYS = ['love', 'haha', 'wow', 'sad', 'angry', 'scared'];
// Replies nest up to here, like the site's own default depth.
const MAX_DEPTH = 5;
const DAY_MS = 86_400_000;

/** Every table `generate` writes to. */
const FILLED_TABLES = ['networks', 'dramas', 'people', 'roles', 'tags', 'authors', 'articles', 'article_people', 'article_dramas', 'article_roles', 'article_tags', 'search_documents', 'search_terms', 'comments', 'reactions', 'reaction_totals'] as const;

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

async function inBatches<T>(total: number, size: number, phase: string, progress: Progress | undefined, make: (from: number, to: number) => Promise<T>): Promise<void> {
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    await make(from, to);
    progress?.(phase, to, total);
  }
}

/**
 * Fills the database with realistic synthetic data for benchmarks and query-plan checks: people,
 * dramas and casts, published stories linked to them (and indexed for search), threaded comments
 * that crowd on a few popular stories as real ones do, and reaction votes with exact totals.
 */
export async function generate(input: GenerateInput, deps: Deps): Promise<GenerateReport> {
  const started = Date.now();
  const { db } = deps;
  const seed = input.seed ?? 1;
  const rand = prng(seed);
  const batch = input.batchSize ?? 500;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const tag = `gen${seed}`;
  const peopleCount = input.people ?? clamp(Math.round(input.stories / 50), 20, 20_000);
  const dramaCount = input.dramas ?? clamp(Math.round(input.stories / 200), 10, 5_000);

  const networkIds: number[] = [];
  for (let i = 0; i < 8; i++) {
    const slug = `${tag}-network-${i}`;
    const existing = await db.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirst();
    networkIds.push(existing?.id ?? (await db.insertInto('networks').values({ slug, name: `${networkName(rand)} ${i}`, time_zone: 'Asia/Seoul', country: 'KR' }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const authorSlug = `${tag}-desk`;
  const author = (await db.selectFrom('authors').select('id').where('slug', '=', authorSlug).executeTakeFirst()) ??
    (await db.insertInto('authors').values({ slug: authorSlug, name: 'Onset Data Desk', bio: 'Synthetic stories for load tests.', created_at: nowIso }).returning('id').executeTakeFirstOrThrow());

  const people: { id: number; name: string }[] = [];
  await inBatches(peopleCount, batch, 'people', deps.onProgress, async (from, to) => {
    const rows = Array.from({ length: to - from }, (_, k) => {
      const n = personName(rand, from + k);
      return { slug: `${tag}-person-${from + k}`, display_name: n.display, family_name: n.family, given_name: n.given, hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio: '', created_at: nowIso, updated_at: nowIso };
    });
    const ids = await db.insertInto('people').values(rows).returning('id').execute();
    ids.forEach((r, k) => people.push({ id: r.id, name: rows[k]!.display_name }));
  });

  const roles: { id: number; personId: number; dramaId: number; person: string; drama: string; character: string }[] = [];
  await inBatches(dramaCount, batch, 'dramas', deps.onProgress, async (from, to) => {
    const rows = Array.from({ length: to - from }, (_, k) => {
      const year = int(rand, 2015, now.getUTCFullYear());
      const first = new Date(Date.UTC(year, int(rand, 0, 11), int(rand, 1, 28)));
      return {
        slug: `${tag}-drama-${from + k}`, title: dramaTitle(rand, from + k), native_title: null, network_id: pick(rand, networkIds), country: 'KR', year,
        episodes: pick(rand, [12, 16, 16, 20]), runtime_minutes: 65, genres: 'Drama', synopsis: '', source_title: null, source_type: null, source_creator: null,
        poster_url: null, first_air_date: first.toISOString().slice(0, 10), last_air_date: new Date(first.getTime() + 56 * DAY_MS).toISOString().slice(0, 10),
        created_at: nowIso, updated_at: nowIso,
      };
    });
    const dramas = await db.insertInto('dramas').values(rows).returning(['id', 'title']).execute();
    const cast = dramas.flatMap((d) =>
      Array.from({ length: 4 }, (_, order) => ({ person: pick(rand, people), character: `${characterRole(rand)} ${order + 1}`, drama: d, order })),
    );
    // One person plays at most one part per drama (the table's unique key): keep the first.
    const seen = new Set<string>();
    const unique = cast.filter((c) => !seen.has(`${c.drama.id}:${c.person.id}`) && seen.add(`${c.drama.id}:${c.person.id}`));
    const roleRows = await db
      .insertInto('roles')
      .values(unique.map((c) => ({ person_id: c.person.id, drama_id: c.drama.id, character_name: c.character, billing: c.order < 2 ? ('main' as const) : ('supporting' as const), billing_order: c.order + 1 })))
      .returning(['id', 'person_id', 'drama_id'])
      .execute();
    roleRows.forEach((r, k) => roles.push({ id: r.id, personId: r.person_id, dramaId: r.drama_id, person: unique[k]!.person.name, drama: unique[k]!.drama.title, character: unique[k]!.character }));
  });

  const tagIds: number[] = [];
  for (const name of ['Casting', 'Behind the scenes', 'Ratings', 'Interview', 'Webtoon', 'Video', 'Fashion', 'Music']) {
    const slug = `${tag}-${name.toLowerCase().replace(/\s+/g, '-')}`;
    const existing = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
    tagIds.push(existing?.id ?? (await db.insertInto('tags').values({ slug, name }).returning('id').executeTakeFirstOrThrow()).id);
  }

  // Stories: published over the last two years, more of them recently.
  const storyIds: number[] = [];
  await inBatches(input.stories, batch, 'stories', deps.onProgress, async (from, to) => {
    const drafts = Array.from({ length: to - from }, (_, k) => {
      const role = pick(rand, roles);
      const text = storyText(rand, role.person, role.drama, role.character);
      const ageMs = Math.floor(rand() ** 2 * 730 * DAY_MS);
      const published = new Date(now.getTime() - ageMs - 60_000).toISOString();
      return { role, text, row: { slug: `${tag}-story-${from + k}`, kind: pick(rand, ['news', 'news', 'watch', 'feature'] as const), headline: text.headline, dek: text.dek, body: text.body, status: 'published' as const, published_at: published, author_id: author.id, lead_image_url: null, lead_image_alt: null, created_at: published, updated_at: published } };
    });
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('articles').values(drafts.map((d) => d.row)).returning('id').execute();
      await trx.insertInto('article_people').values(ids.map((r, k) => ({ article_id: r.id, person_id: drafts[k]!.role.personId }))).execute();
      await trx.insertInto('article_dramas').values(ids.map((r, k) => ({ article_id: r.id, drama_id: drafts[k]!.role.dramaId }))).execute();
      await trx.insertInto('article_roles').values(ids.map((r, k) => ({ article_id: r.id, role_id: drafts[k]!.role.id }))).execute();
      await trx.insertInto('article_tags').values(ids.map((r) => ({ article_id: r.id, tag_id: pick(rand, tagIds) }))).execute();
      await trx.insertInto('search_documents').values(ids.map((r, k) => ({ article_id: r.id, headline: drafts[k]!.text.headline, dek: drafts[k]!.text.dek, body_text: drafts[k]!.text.body.replace(/\*/g, ''), indexed_at: nowIso }))).execute();
      // The "did you mean" vocabulary, as indexArticle keeps it for stories saved one by one.
      const terms = [...new Set(drafts.flatMap((d) => tokenize(`${d.text.headline} ${d.text.dek}`)).filter((t) => t.length >= 3 && !/^\d+$/.test(t)))];
      if (terms.length) await trx.insertInto('search_terms').values(terms.map((term) => ({ term }))).onConflict((oc) => oc.column('term').doNothing()).execute();
      ids.forEach((r) => storyIds.push(r.id));
    });
  });

  // Comments crowd on popular stories: a skewed pick makes a few threads very long.
  const popular = (r: Rand) => storyIds[Math.floor(r() ** 3 * storyIds.length)]!;
  const lastInThread = new Map<number, { id: number; depth: number }>();
  await inBatches(storyIds.length ? input.comments : 0, batch, 'comments', deps.onProgress, async (from, to) => {
    const rows = Array.from({ length: to - from }, (_, k) => {
      const articleId = popular(rand);
      const parent = rand() < 0.25 ? lastInThread.get(articleId) : undefined;
      const depth = parent && parent.depth < MAX_DEPTH ? parent.depth + 1 : 1;
      const at = new Date(now.getTime() - Math.floor(rand() * 30 * DAY_MS)).toISOString();
      return {
        article_id: articleId, parent_id: depth > 1 ? parent!.id : null, depth, author_name: `Reader ${from + k}`, author_email: `reader${from + k}@generated.invalid`,
        author_url: null, author_ip: null, user_agent: null, avatar_key: (from + k).toString(16).padStart(8, '0'), body: commentText(rand, from + k), duplicate_key: null,
        status: rand() < 0.95 ? ('approved' as const) : ('pending' as const), status_reason: null, created_at: at, updated_at: at,
      };
    });
    const ids = await db.insertInto('comments').values(rows).returning(['id', 'article_id', 'depth']).execute();
    for (const r of ids) lastInThread.set(r.article_id, { id: r.id, depth: r.depth });
  });

  // Votes: one per (story, reader); totals are then derived from the rows, so they are exact.
  await inBatches(storyIds.length ? input.votes : 0, batch, 'votes', deps.onProgress, async (from, to) => {
    const rows = Array.from({ length: to - from }, (_, k) => ({ article_id: popular(rand), reader_id: `${tag}-reader-${from + k}`, reaction: pick(rand, REACTION_KEYS), voted_at: new Date(now.getTime() - Math.floor(rand() * 14 * DAY_MS)).toISOString() }));
    await db.insertInto('reactions').values(rows).execute();
  });
  if (storyIds.length && input.votes > 0) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('reaction_totals').execute();
      await trx
        .insertInto('reaction_totals')
        .columns(['article_id', 'reaction', 'votes'])
        .expression((eb) => eb.selectFrom('reactions').select(['article_id', 'reaction', eb.fn.countAll<number>().as('votes')]).groupBy(['article_id', 'reaction']))
        .execute();
    });
  }
  // Fresh statistics, or the planner guesses from empty tables (a thread query went 133 ms → 1 ms).
  // On PostgreSQL, VACUUM as well: after a bulk load no row has its hint bits and the visibility
  // map is empty, so the first reads of every page write to it and index-only scans visit the
  // table. Autovacuum ends that state on a live site, but only later (and never where it is off).
  // Only the tables filled here (a shared test database holds other schemas).
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql.raw(`vacuum (analyze) ${FILLED_TABLES.join(', ')}`).execute(db);
  else await sql`analyze`.execute(db);
  return { people: people.length, dramas: dramaCount, stories: storyIds.length, comments: storyIds.length ? input.comments : 0, votes: storyIds.length ? input.votes : 0, seconds: (Date.now() - started) / 1000 };
}
