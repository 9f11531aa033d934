import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import SQLite from 'better-sqlite3';
import type pgModule from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which engine is behind it, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable location, for logs (never includes a password). */
  location: string;
  /**
   * The better-sqlite3 handle under Kysely (SQLite only), for the rare hot path that runs its own
   * prepared statements synchronously (reactions). Use it only when `!sqlite.inTransaction`: a
   * Kysely transaction may be open on this same connection between its awaits.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

let pgLoaded: typeof pgModule | undefined;

/**
 * The pg driver, loaded when the first PostgreSQL database opens: a SQLite site never pays for it
 * (a few MB per process). pg is CommonJS, so it loads synchronously and openDb stays synchronous.
 */
function loadPg(): typeof pgModule {
  if (pgLoaded) return pgLoaded;
  const pg = createRequire(import.meta.url)('pg') as typeof pgModule;
  // PostgreSQL returns timestamps as Date, dates as Date and bigint as string by default.
  // The domain works with ISO strings and numbers on both engines, so parse them that way here, once.
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  return (pgLoaded = pg);
}

export interface OpenOptions {
  /** postgres:// URL; when absent, SQLite at `sqliteFile`. */
  databaseUrl?: string | undefined;
  /** Path of the SQLite file, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests get a fresh one each). */
  pgSchema?: string;
  /** SQLite's page cache in megabytes (SQLITE_CACHE_MB); better-sqlite3's own default is 16. */
  sqliteCacheMb?: number | undefined;
  /** Pool size for PostgreSQL. */
  pgPoolSize?: number;
}

export function openDb(options: OpenOptions): Db {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema, options.pgPoolSize ?? 10);
  return openSqlite(options.sqliteFile ?? ':memory:', options.sqliteCacheMb);
}

function openSqlite(file: string, cacheMb: number | undefined): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable across process crashes.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A negative cache_size is in KiB.
  if (cacheMb !== undefined) database.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, dialect: 'sqlite', location: file, sqlite: database, close: () => kysely.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL on each prepare; on a
 * hot path (a vote) that compiling was the largest single cost. The same few hundred statements
 * run over and over, so keep them compiled (least recently used ones are dropped). Reuse is safe:
 * Kysely runs one query at a time on its one connection, and a statement still busy streaming
 * rows is never handed out again.
 */
function withStatementCache(database: SQLite.Database): { close(): void; prepare(sql: string): SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      // Kysely opens every transaction with a plain BEGIN, which takes the write lock only at the
      // first write; when another process (`serve --workers`) wrote in between, that upgrade fails
      // at once with SQLITE_BUSY instead of waiting. Transactions here write, so take the lock
      // at BEGIN, where busy_timeout makes a second process wait its turn.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(url: string, schema: string | undefined, max: number): Db {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    kysely,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ''}`,
    close: () => kysely.destroy(),
  };
}

/** True when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
