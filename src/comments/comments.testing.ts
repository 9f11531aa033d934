// The seeded app with a staff token, shared by the comment test files (not a test file itself).
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import type { Db } from '../db/connection.js';

const STAFF = 'staff-token-for-http-tests';

/** The seeded app with a staff token (test/helpers/app.ts has none). */
export async function buildCommentsApp(db: Db) {
  const clock = fixedClock(TEST_NOW);
  await seedDemo({ db: db.kysely, clock });
  const app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: STAFF });
  return { app, clock };
}
