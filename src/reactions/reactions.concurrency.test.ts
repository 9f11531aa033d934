// Exactness under concurrency: many readers voting, switching and withdrawing at the same time,
// through one app (both databases) and through two server processes on one PostgreSQL database.
// The stored totals must equal the ground truth computed from each reader's final choice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { openDb, type Db } from '../db/connection.js';
import { API, buildReactionsApp, clearVotes, prng, readerCookieFrom, SLUG, storedCounts, tally } from './reactions.test-support.js';

const KEYS = ['love', 'haha', 'wow', 'sad', 'angry', 'scared'];
const READERS = 300;

/** A reader's random path: 1 to 4 steps, each a reaction or (one time in five) a withdrawal. */
function plan(random: () => number): (string | null)[] {
  return Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.2 ? null : KEYS[Math.floor(random() * KEYS.length)]!));
}

describeEachDatabase('reactions under concurrent readers', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildReactionsApp(getDb()));
    await clearVotes(getDb());
  });
  after(() => app.close());

  test(`${READERS} readers at once, by API and by form: stored totals equal their final choices`, async () => {
    const random = prng(2026);
    const finals = await Promise.all(
      Array.from({ length: READERS }, async (_, i) => {
        let cookie: string | undefined;
        let mine: string | null = null;
        for (const step of plan(random)) {
          const byForm = i % 3 === 0;
          const headers = cookie ? { cookie } : {};
          const res: LightMyRequestResponse = byForm
            ? await app.inject({ method: 'POST', url: `/articles/${SLUG}/reactions`, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: step ? `reaction=${step}` : `withdraw=${mine ?? 'love'}` })
            : step
              ? await app.inject({ method: 'PUT', url: API, headers: { ...headers, 'content-type': 'application/json' }, payload: { reaction: step } })
              : await app.inject({ method: 'DELETE', url: API, headers });
          assert.equal(res.statusCode, byForm ? 303 : 200, res.body);
          cookie ??= readerCookieFrom(res);
          if (step !== null || mine !== null) mine = step;
          if (!byForm) assert.equal(res.json().myVote, mine, 'each answer reports the reader’s own choice');
        }
        return mine;
      }),
    );
    const truth = tally(finals);
    const stored = await storedCounts(getDb());
    assert.deepEqual(stored.totals, truth, 'totals table = ground truth');
    assert.deepEqual(stored.rows, truth, 'vote rows = ground truth');
    const api = (await app.inject(API)).json();
    assert.deepEqual(tally(api.reactions.flatMap((r: { key: string; count: number }) => Array<string>(r.count).fill(r.key))), truth, 'and the API says the same');
  });
});

// Two `onset serve` processes on one fresh PostgreSQL database, votes spread over both.
const pgUrl = process.env.TEST_DATABASE_URL;
describe('reactions across two server processes [postgres]', { skip: pgUrl ? false : 'TEST_DATABASE_URL is not set; PostgreSQL not tested in this run', timeout: 180_000 }, () => {
  const database = `onset_r_${crypto.randomBytes(5).toString('hex')}`;
  const adminToken = 'two-process-admin-token-000';
  const servers: TestServer[] = [];
  let db: Db | undefined;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  before(async () => {
    await admin(`create database ${database}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${database}`;
    const env = { DATABASE_URL: url.toString(), COOKIE_SECRET: 'two-processes-share-this-secret-0000', SEED_DEMO: '1', ADMIN_TOKEN: adminToken, REACTIONS_IP_CAP: '1000000', REACTIONS_IP_RATE: '1000000' };
    // One after the other: the first migrates and seeds, the second finds it done.
    servers.push(await startTestServer({ env }));
    servers.push(await startTestServer({ env }));
    db = openDb({ databaseUrl: url.toString() });
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
    await admin(`drop database if exists ${database} with (force)`);
  });

  test(`${READERS} readers spread over both processes: totals equal their final choices`, async () => {
    const reset = await fetch(`${servers[0]!.url}${API}/all`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(reset.status, 200);
    const random = prng(10);
    const send = async (server: TestServer, method: 'PUT' | 'DELETE', cookie: string | undefined, reaction?: string) => {
      const res = await fetch(`${server.url}${API}`, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(reaction ? { 'content-type': 'application/json' } : {}) },
        body: reaction ? JSON.stringify({ reaction }) : undefined,
      });
      assert.equal(res.status, 200, await res.clone().text());
      return { body: (await res.json()) as { myVote: string | null }, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('onset_reader=')) };
    };
    const finals = await Promise.all(
      Array.from({ length: READERS }, async () => {
        let cookie: string | undefined;
        let mine: string | null = null;
        for (const step of plan(random)) {
          const server = servers[random() < 0.5 ? 0 : 1]!;
          const res = await send(server, step ? 'PUT' : 'DELETE', cookie, step ?? undefined);
          cookie ??= res.cookie;
          if (step !== null || mine !== null) mine = step;
          assert.equal(res.body.myVote, mine);
        }
        return mine;
      }),
    );
    // Readers racing themselves across processes (double clicks, two tabs): the final choice is
    // whichever commit came last, read back from the rows; the totals must still match it.
    const racers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const { cookie } = await send(servers[i % 2]!, 'PUT', undefined, 'love');
        await Promise.all(Array.from({ length: 6 }, (_, k) => send(servers[k % 2]!, k === 5 ? 'DELETE' : 'PUT', cookie, k === 5 ? undefined : KEYS[(i + k) % KEYS.length])));
        const res = await fetch(`${servers[0]!.url}${API}`, { headers: { cookie: cookie! } });
        return ((await res.json()) as { myVote: string | null }).myVote;
      }),
    );
    const truth = tally([...finals, ...racers]);
    const stored = await storedCounts(db!);
    assert.deepEqual(stored.totals, truth, 'totals table = ground truth');
    assert.deepEqual(stored.rows, truth, 'vote rows = ground truth');
    for (const server of servers) {
      const api = (await (await fetch(`${server.url}${API}`)).json()) as { reactions: { key: string; count: number }[] };
      assert.deepEqual(tally(api.reactions.flatMap((r) => Array<string>(r.count).fill(r.key))), truth, `${server.url} reports the same`);
    }
  });
});
