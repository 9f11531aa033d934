import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createLogger } from './lib/logger.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDb, type Db } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { isEmpty, seedDemo } from './demo/seed.js';
import { seedDemoMedia } from './media/media.seed.js';
import { createFileStorage, type MediaStorage } from './media/storage.js';
import { ensureFirstAdmin } from './newsroom/auth/user.cli.js';

// The logger lives in lib/logger.ts, so the primary of `serve --workers` can log without loading the app.
export { createLogger };

export function openConfiguredDb(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'sqliteCacheMb'>): Db {
  return openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'onset.sqlite'), sqliteCacheMb: config.sqliteCacheMb });
}

/** Media files under DATA_DIR/media (src/media/storage.ts). */
export function mediaStorageFor(config: Pick<Config, 'dataDir'>): MediaStorage {
  return createFileStorage(path.join(config.dataDir, 'media'));
}

/** The signing secret: from the environment, or made once and kept in the data folder. */
export function cookieSecretFor(config: Pick<Config, 'cookieSecret' | 'dataDir'>): string {
  if (config.cookieSecret) return config.cookieSecret;
  const file = path.join(config.dataDir, 'cookie-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

/** Opens the database, brings it up to date, seeds an empty one, and starts listening. */
export async function startServer(config: Config, options: { prepare?: boolean } = {}): Promise<{ app: FastifyInstance; db: Db; stop: () => Promise<void> }> {
  const log = createLogger(config);
  const db = openConfiguredDb(config);
  const mediaStorage = mediaStorageFor(config);
  // Migrating, seeding and creating the first admin happen once: in the only process, or in the
  // cluster's primary before it forks workers (which pass prepare: false).
  if (options.prepare !== false) await prepareDatabase(config, db, log, mediaStorage);
  const app = await buildApp({ db, publicUrl: config.publicUrl, logger: log, cookieSecret: cookieSecretFor(config), adminToken: config.adminToken, reactions: config.reactions, pageCacheBytes: config.pageCacheMb * 1024 * 1024, trustProxy: config.trustProxy, redisUrl: config.redisUrl, mediaStorage, mail: config.mail, feedFullText: config.feedFullText });
  await app.listen({ port: config.port, host: config.host });
  log.info({ url: `http://${config.host}:${config.port}`, database: db.dialect, location: db.location }, 'Onset is serving');

  let stopping: Promise<void> | undefined;
  // app.close stops accepting connections and waits for in-flight requests; then the database closes.
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await db.close();
      log.info('stopped');
    })());
  return { app, db, stop };
}

/** Brings the schema up to date, seeds an empty database and creates the first staff account. */
export async function prepareDatabase(config: Config, db: Db, log: Logger, mediaStorage: ReturnType<typeof mediaStorageFor>): Promise<void> {
  const applied = await migrateToLatest(db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  if (config.seedDemo && (await isEmpty(db.kysely))) {
    const report = await seedDemo({ db: db.kysely, clock: systemClock });
    log.info(report.created, 'demo content seeded');
    await seedDemoMedia({ db: db.kysely, clock: systemClock, storage: mediaStorage });
  }
  const firstAdmin = await ensureFirstAdmin({ db: db.kysely, clock: systemClock });
  if (firstAdmin) {
    // Printed once, to stdout only: the hash is all the database keeps.
    process.stdout.write(`\nNewsroom admin created: ${firstAdmin.email}\nPassword (shown once, change it or keep it safe): ${firstAdmin.password}\nSign in at ${config.publicUrl}/newsroom/login\n\n`);
    log.info({ email: firstAdmin.email }, 'first newsroom admin created; its password was printed once');
  }
}

/** Stops cleanly on SIGTERM/SIGINT; a second signal, or 10 s without finishing, forces exit. */
export function handleShutdownSignals(stop: () => Promise<void>, log: Pick<Logger, 'info' | 'error'>): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
