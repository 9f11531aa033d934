import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { seedDemo } from './demo/seed.js';
import { eraseCommenter, exportCommenter } from './comments/commenter.service.js';
import { createLogger, handleShutdownSignals, openConfiguredDb, startServer } from './server.js';

const USAGE = `Usage: onset <command> [options]

Commands:
  serve        migrate, seed an empty database with the demo, and serve the site (default)
  migrate      bring the database schema up to date
  seed-demo    add the demo content (idempotent: a second run changes nothing)
  commenter export <email>   print every comment stored with that email, as JSON
  commenter erase <email>    remove the personal data of that email's comments

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, REDIS_URL, LOG_LEVEL, PUBLIC_URL, COOKIE_SECRET, SEED_DEMO
`;

async function withDb<T>(config: Config, work: (db: ReturnType<typeof openConfiguredDb>) => Promise<T>): Promise<T> {
  const db = openConfiguredDb(config);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'serve': {
      const { stop } = await startServer(config);
      handleShutdownSignals(stop, createLogger(config));
      return -1; // keep running
    }
    case 'migrate': {
      const applied = await withDb(config, (db) => migrateToLatest(db));
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
      return 0;
    }
    case 'seed-demo': {
      const report = await withDb(config, async (db) => {
        await migrateToLatest(db);
        return seedDemo({ db: db.kysely, clock: systemClock });
      });
      const added = Object.entries(report.created).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
      process.stdout.write(added.length ? `Demo content added: ${added.join(', ')}.\n` : 'Demo content already present; nothing changed.\n');
      return 0;
    }
    case 'commenter': {
      const [action, email] = [positionals[1], positionals[2]];
      if ((action !== 'export' && action !== 'erase') || !email) {
        process.stderr.write('Usage: onset commenter export|erase <email>\n');
        return 2;
      }
      const out = await withDb(config, async (db) => {
        await migrateToLatest(db);
        return action === 'export' ? exportCommenter({ email }, { db: db.kysely }) : eraseCommenter({ email }, { db: db.kysely, clock: systemClock });
      });
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`onset: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
