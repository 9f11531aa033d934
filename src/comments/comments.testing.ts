// The seeded app with a staff token, and the requests the comment test files share (not a test
// file itself).
import type { FastifyInstance } from 'fastify';
import { TEST_NOW } from '../../test/helpers/app.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import type { Db } from '../db/connection.js';

const STAFF = 'staff-token-for-http-tests';

/** Headers of a staff API client of buildCommentsApp's app. */
export const STAFF_HEADERS = { authorization: `Bearer ${STAFF}` };

/** The seeded app with a staff token (test/helpers/app.ts has none). */
export async function buildCommentsApp(db: Db) {
  const clock = fixedClock(TEST_NOW);
  await seedDemo({ db: db.kysely, clock });
  const app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: STAFF });
  return { app, clock };
}

/** Saves discussion settings through the staff API. */
export function saveSettingsViaApi(app: FastifyInstance, payload: object) {
  return app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: STAFF_HEADERS, payload });
}

/**
 * Posts through the JSON API as a reader's browser does: a fresh form token, then 10 s of typing
 * (so the too-fast check passes), from `remoteAddress`.
 */
export async function postViaApi(
  app: FastifyInstance,
  clock: ReturnType<typeof fixedClock>,
  url: string,
  remoteAddress: string,
  fields: { body: string; authorName: string; authorEmail: string },
) {
  const { formToken } = (await app.inject(url)).json() as { formToken: string };
  clock.advance(10_000);
  return app.inject({ method: 'POST', url, remoteAddress, payload: { ...fields, formToken } });
}
