import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { migrateToLatest } from './migrate.js';
import type { Db } from './connection.js';

// The one place the engines differ by design: the full-text index (src/search/search.fts.ts) is
// an FTS5 virtual table (and its shadow tables) on SQLite, and a tsvector column on PostgreSQL.
const ENGINE_SPECIFIC_TABLE = /^search_fts/;
const ENGINE_SPECIFIC_COLUMNS: Record<string, string[]> = { search_documents: ['document'] };

/** table -> sorted column names, as the engine reports them. */
async function schemaOf(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.kysely.introspection.getTables();
  return Object.fromEntries(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && !ENGINE_SPECIFIC_TABLE.test(t.name))
      .map((t) => [t.name, t.columns.map((c) => c.name).filter((c) => !ENGINE_SPECIFIC_COLUMNS[t.name]?.includes(c)).sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const seen: Record<string, Record<string, string[]>> = {};

describeEachDatabase('migrations', (getDb, dialect) => {
  test('a second run applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(getDb()), []);
  });

  test('the schema holds articles, authors, tags and the knowledge base', async () => {
    const schema = await schemaOf(getDb());
    for (const table of ['articles', 'authors', 'tags', 'article_tags', 'people', 'person_aliases', 'dramas', 'networks', 'roles', 'role_aliases', 'article_people', 'article_dramas', 'article_roles']) {
      assert.ok(schema[table], `missing table ${table}`);
    }
    assert.ok(schema.articles!.includes('status') && schema.articles!.includes('kind') && schema.articles!.includes('published_at'));
    seen[dialect] = schema;
    if (seen.sqlite && seen.postgres) assert.deepEqual(seen.postgres, seen.sqlite, 'both engines have the same tables and columns');
  });

  test('foreign keys are enforced', async () => {
    const db = getDb().kysely;
    await assert.rejects(
      db.insertInto('roles').values({ person_id: 999999, drama_id: 999999, character_name: 'Nobody', billing: 'main', billing_order: 1 }).execute(),
    );
  });

  test('check constraints refuse an unknown article kind', async () => {
    const now = new Date().toISOString();
    await assert.rejects(
      sql`insert into articles (slug, kind, headline, status, created_at, updated_at) values ('x', 'gossip', 'X', 'draft', ${now}, ${now})`.execute(getDb().kysely),
    );
  });
});
