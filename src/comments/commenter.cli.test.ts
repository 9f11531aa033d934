// `onset commenter erase <email>` through the real CLI on a DATA_DIR: afterwards `export` finds
// nothing personal, and the comment text stays (replies keep their context) under "Anonymous".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { runOnset } from '../../test/helpers/server.js';
import { postComment } from './comments.service.js';

const EMAIL = 'erase.me@readers.example';
let dataDir: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-commenter-cli-'));
  const db = openDb({ sqliteFile: path.join(dataDir, 'onset.sqlite') });
  try {
    await migrateToLatest(db);
    const clock = fixedClock('2026-11-25T12:00:00.000Z');
    await seedDemo({ db: db.kysely, clock });
    for (const body of ['First words from the commenter who will ask to be forgotten.', 'Second words, same commenter.']) {
      clock.advance(60_000);
      const r = await postComment(
        { articleSlug: WATCH_ARTICLE_SLUG, parentId: null, body, authorName: 'Forget Me', authorEmail: EMAIL, authorUrl: 'https://forget-me.example', honeypot: '', renderedAt: new Date(clock().getTime() - 30_000), ip: '203.0.113.9', userAgent: 'TestAgent/1.0', isStaff: false },
        { db: db.kysely, clock, avatarSecret: 'cli-test-avatar-secret' },
      );
      assert.ok(r.ok, JSON.stringify(r));
    }
  } finally {
    await db.close();
  }
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('commenter export, erase, export again through the CLI', async () => {
  const env = { DATA_DIR: dataDir, SEED_DEMO: '0' };
  const before = await runOnset(['commenter', 'export', EMAIL], env);
  assert.equal(before.code, 0, before.stderr);
  const exported = JSON.parse(before.stdout) as { comments: { author_email: string; author_ip: string }[] };
  assert.equal(exported.comments.length, 2);
  assert.equal(exported.comments[0]!.author_ip, '203.0.113.9');

  const erased = await runOnset(['commenter', 'erase', EMAIL.toUpperCase()], env);
  assert.equal(erased.code, 0, erased.stderr);
  assert.equal(JSON.parse(erased.stdout).erased, 2);

  const again = await runOnset(['commenter', 'export', EMAIL], env);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout).comments, []);

  const db = openDb({ sqliteFile: path.join(dataDir, 'onset.sqlite') });
  try {
    const rows = await db.kysely.selectFrom('comments').selectAll().where('body', 'like', '%commenter%').execute();
    assert.equal(rows.length, 2, 'the text stays');
    for (const r of rows) {
      assert.equal(r.author_name, 'Anonymous');
      assert.deepEqual([r.author_email, r.author_url, r.author_ip, r.user_agent, r.duplicate_key], [null, null, null, null, null]);
    }
    const everything = JSON.stringify(await db.kysely.selectFrom('comments').selectAll().execute());
    assert.ok(!everything.includes('forget-me') && !everything.includes('203.0.113.9') && !everything.toLowerCase().includes(EMAIL), 'nothing personal left in any comment row');
  } finally {
    await db.close();
  }

  const usage = await runOnset(['commenter', 'erase'], env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Usage: onset commenter export\|erase <email>/);
});
