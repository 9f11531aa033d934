import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDb } from './connection.js';

// Another process (as with `serve --workers`) holds the write lock for a moment.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('begin immediate; insert into t values (1);');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
db.exec('commit');
`;

test('a transaction that reads, then writes, waits for another process instead of failing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-lock-'));
  const file = path.join(dir, 'x.sqlite');
  const db = openDb({ sqliteFile: file });
  try {
    await sql`create table t (n integer)`.execute(db.kysely);
    const holder = spawn(process.execPath, ['-e', HOLDER, file], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    // With a plain BEGIN this read would run under the other writer and the insert would then
    // fail with SQLITE_BUSY; with BEGIN IMMEDIATE it waits for the lock (busy_timeout) and sees 1.
    await db.kysely.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      await sql`insert into t values (${Number(rows[0]!.n) + 10})`.execute(trx);
    });
    await new Promise((r) => holder.once('exit', r));
    const { rows } = await sql<{ n: number }>`select n from t order by rowid`.execute(db.kysely);
    assert.deepEqual(rows.map((r) => r.n), [1, 11], 'it waited for the other process and saw its row');
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLITE_CACHE_MB sets the SQLite page cache of the opened database', async () => {
  const db = openDb({ sqliteFile: ':memory:', sqliteCacheMb: 3 });
  try {
    assert.deepEqual(db.sqlite!.pragma('cache_size'), [{ cache_size: -3072 }], 'negative cache_size is KiB: 3 MB');
  } finally {
    await db.close();
  }
});
