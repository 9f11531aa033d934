import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/connection.js';
import { fixedClock } from '../../src/lib/clock.js';
import { seedDemo } from '../../src/demo/seed.js';

export const TEST_NOW = '2026-11-25T12:00:00.000Z';

/** The app on a seeded database with a fixed clock, for `inject` tests. */
export async function buildSeededApp(db: Db, nowIso = TEST_NOW): Promise<{ app: FastifyInstance; clock: ReturnType<typeof fixedClock> }> {
  const clock = fixedClock(nowIso);
  await seedDemo({ db: db.kysely, clock });
  const app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000' });
  return { app, clock };
}
