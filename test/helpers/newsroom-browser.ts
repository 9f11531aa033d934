// The newsroom browser suites' set-up: an in-process app on a seeded SQLite database (with the
// staff accounts of newsroom.test-support, and a clock the test can move), listening on a free
// port, and Chromium. Call inside a describe(); read the getters inside tests.
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from './db.js';
import { buildSeededApp } from './app.js';
import { launchBrowser } from './browser.js';
import type { Db } from '../../src/db/connection.js';
import type { fixedClock } from '../../src/lib/clock.js';
import { makeStaff } from '../../src/newsroom/newsroom.test-support.js';

export function useNewsroomInBrowser() {
  let db: Db | undefined;
  let app: FastifyInstance | undefined;
  let clock: ReturnType<typeof fixedClock> | undefined;
  let browser: Browser | undefined;
  let url: string | undefined;
  before(async () => {
    db = await openTestDb('sqlite');
    ({ app, clock } = await buildSeededApp(db));
    await makeStaff(db, clock);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('newsroom test server not started');
    return value;
  };
  return {
    get db(): Db {
      return started(db);
    },
    get clock(): ReturnType<typeof fixedClock> {
      return started(clock);
    },
    get browser(): Browser {
      return started(browser);
    },
    get url(): string {
      return started(url);
    },
  };
}
