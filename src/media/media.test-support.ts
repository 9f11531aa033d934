import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Db } from '../db/connection.js';
import { seedDemo } from '../demo/seed.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemoMedia } from './media.seed.js';
import { createFileStorage, type MediaStorage } from './storage.js';

export const ADMIN_TOKEN = 'staff-token-for-media-tests';
export const STAFF = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const DEMO_WEBM = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'demo', 'media', 'behind-the-scenes.webm');

/** The seeded app, demo media included, with its media in a temporary folder of its own. */
export async function buildMediaApp(db: Db): Promise<{ app: FastifyInstance; storage: MediaStorage; dir: string; close(): Promise<void> }> {
  const clock = fixedClock('2026-11-25T12:00:00.000Z');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-media-test-'));
  const storage = createFileStorage(dir);
  await seedDemo({ db: db.kysely, clock });
  await seedDemoMedia({ db: db.kysely, clock, storage });
  const app = await buildApp({ db, publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', adminToken: ADMIN_TOKEN, mediaStorage: storage });
  return {
    app,
    storage,
    dir,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
