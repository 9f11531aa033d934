// Query plans at scale: on PostgreSQL with tens of thousands of generated stories and comments,
// every query the hot pages run is EXPLAINed, and a sequential scan of a large table fails the test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import type { Db } from '../src/db/connection.js';
import { seedDemo } from '../src/demo/seed.js';
import { generate } from '../src/generate/generate.service.js';
import { fixedClock } from '../src/lib/clock.js';
import { WATCH_ARTICLE_SLUG } from '../src/demo/demo.data.js';
import { openTestDb } from './helpers/db.js';

const pgUrl = process.env.TEST_DATABASE_URL;
// Tables that grow with the site; a full scan of any of them on a page view is a bug at scale.
const LARGE = new Set(['articles', 'comments', 'reactions', 'reaction_totals', 'article_people', 'article_dramas', 'article_roles', 'search_documents', 'article_tags', 'comment_reports']);

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }
function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && LARGE.has(node['Relation Name'])) out.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

describe('query plans at scale [postgres]', { skip: pgUrl ? false : 'TEST_DATABASE_URL is not set; PostgreSQL not tested in this run', timeout: 300_000 }, () => {
  let base: Db;
  let captured: CompiledQuery[] = [];
  let app: FastifyInstance;
  let watching: Kysely<Database>;
  const clock = fixedClock('2026-11-25T12:00:00Z');

  before(async () => {
    base = await openTestDb('postgres');
    await seedDemo({ db: base.kysely, clock });
    await generate({ stories: 20_000, comments: 100_000, votes: 60_000, seed: 3, batchSize: 1000 }, { db: base.kysely, clock });
    // As autovacuum would have by then: statistics, and the visibility map for index-only scans.
    await sql`vacuum analyze`.execute(base.kysely);
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(base.kysely)).rows[0]!.s;
    watching = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrl, max: 4, options: `-c search_path=${schema}` }) }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    const db: Db = { kysely: watching, dialect: 'postgres', location: 'explain test', close: () => watching.destroy() };
    app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'explain-test-secret-explain-test-secret', pageCacheBytes: 0 });
  });
  after(async () => {
    await app?.close();
    await watching?.destroy();
    await base?.close();
  });

  test('hot pages run no sequential scan of a large table', async () => {
    const busiest = await base.kysely
      .selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id')
      .select(['articles.slug', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('articles.slug').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    const person = await base.kysely.selectFrom('people').select('slug').where('slug', 'like', 'gen%').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const drama = await base.kysely.selectFrom('dramas').select('slug').where('slug', 'like', 'gen%').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const pages = [
      '/', '/?kind=watch', '/?page=40', `/articles/${WATCH_ARTICLE_SLUG}`, `/articles/${busiest.slug}`, `/articles/${busiest.slug}?cpage=2`,
      '/people/song-kang', `/people/${person.slug}`, '/dramas/nevertheless', `/dramas/${drama.slug}`, '/schedule',
      '/search?q=Song+Kang', '/search?q=kang+song', `/api/v1/articles/${busiest.slug}/comments`, '/api/v1/articles?limit=20&offset=1000',
    ];
    const problems: string[] = [];
    let explained = 0;
    for (const url of pages) {
      captured = [];
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      for (const q of captured.filter((c) => /^\s*(select|with)\b/i.test(c.sql))) {
        const plan = await watching.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>({ ...q, sql: `explain (format json) ${q.sql}` } as CompiledQuery);
        explained++;
        const scans = seqScans(plan.rows[0]!['QUERY PLAN'][0]!.Plan);
        if (scans.length) problems.push(`${url}: Seq Scan on ${scans.join(', ')} in\n  ${q.sql.slice(0, 400)}`);
      }
    }
    assert.ok(explained > 30, `the pages ran queries that were checked (${explained})`);
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
});
