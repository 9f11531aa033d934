import crypto from 'node:crypto';
import pg from 'pg';
import { after, before, describe, test } from 'node:test';
import { openDb, type Db, type Dialect } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

const pgUrl = process.env.TEST_DATABASE_URL;

/** A migrated, empty database of the given kind; PostgreSQL gets a schema of its own. */
export async function openTestDb(dialect: Dialect): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = openDb({ sqliteFile: ':memory:' });
    await migrateToLatest(db);
    return db;
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb({ databaseUrl: pgUrl, pgSchema: schema, pgPoolSize: 20 });
  await migrateToLatest(db);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * Runs the same suite on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. Without the
 * URL the PostgreSQL run shows up as a skipped test with the reason, never silently.
 */
export function describeEachDatabase(name: string, suite: (get: () => Db, dialect: Dialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && !pgUrl) {
      test(`${name} [postgres]`, { skip: 'TEST_DATABASE_URL is not set; PostgreSQL not tested in this run' }, () => {});
      continue;
    }
    describe(`${name} [${dialect}]`, () => {
      let db: Db | undefined;
      before(async () => {
        db = await openTestDb(dialect);
      });
      after(async () => {
        await db?.close();
      });
      suite(() => {
        if (!db) throw new Error('database not open yet');
        return db;
      }, dialect);
    });
  }
}
