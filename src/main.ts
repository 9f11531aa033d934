// Every command loads its modules when run: a serving process never holds the others' code, and
// the primary of `serve --workers` holds none of the app (only its workers load it).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Db } from './db/connection.js';
import { runCluster } from './cluster.js';
import { systemClock } from './lib/clock.js';

const USAGE = `Usage: onset <command> [options]

Commands:
  serve        migrate, seed an empty database with the demo, and serve the site (default);
               --workers N runs N processes on one port (node:cluster)
  migrate      bring the database schema up to date
  seed-demo    add the demo content (idempotent: a second run changes nothing)
  generate --stories N [--comments N] [--votes N] [--seed N]
               add synthetic data for benchmarks, with a progress bar
  commenter export <email>   print every comment stored with that email, as JSON
  commenter erase <email>    remove the personal data of that email's comments
  lint <file> [--format json] [--fix]   check a story against the knowledge base (exit 1 on errors)
  user add --role <role> <email>   create a staff account (admin, editor, writer, moderator); prints a generated password, or reads one with --password-stdin
  user reset-link <email>    print a one-time password reset link
  media add <file> [--title T] [--subtitles en=file.srt] [--article SLUG]   store a self-hosted MP4/WebM video with subtitles

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, REDIS_URL, LOG_LEVEL, PUBLIC_URL, COOKIE_SECRET, SEED_DEMO
`;

/** Runs `work` on the configured database, first brought up to date (`applied`: the migrations that took). */
async function withDb<T>(config: Config, work: (db: Db, applied: string[]) => Promise<T>): Promise<T> {
  const [{ openConfiguredDb }, { migrateToLatest }] = await Promise.all([import('./server.js'), import('./db/migrate.js')]);
  const db = openConfiguredDb(config);
  try {
    return await work(db, await migrateToLatest(db));
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { help: { type: 'boolean', short: 'h' }, workers: { type: 'string' }, stories: { type: 'string' }, comments: { type: 'string' }, votes: { type: 'string' }, people: { type: 'string' }, dramas: { type: 'string' }, seed: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
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
      if (values.workers !== undefined) {
        const workers = Number(values.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
          process.stderr.write('--workers must be a whole number from 1 to 64\n');
          return 2;
        }
        await runCluster(config, workers);
        return -1; // the primary and its workers keep running
      }
      const { createLogger, handleShutdownSignals, startServer } = await import('./server.js');
      const { stop } = await startServer(config);
      handleShutdownSignals(stop, createLogger(config));
      return -1; // keep running
    }
    case 'generate': {
      if (values.stories === undefined) {
        process.stderr.write('onset generate needs --stories N (and optionally --comments N --votes N --people N --dramas N --seed N)\n');
        return 2;
      }
      return withDb(config, async (db) => {
        const { runGenerate } = await import('./generate/generate.cli.js');
        return runGenerate(db.kysely, values);
      });
    }
    case 'migrate': {
      const applied = await withDb(config, async (_db, applied) => applied);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
      return 0;
    }
    case 'seed-demo': {
      const report = await withDb(config, async (db) => {
        const [{ seedDemo }, { seedDemoMedia }, { mediaStorageFor }] = await Promise.all([import('./demo/seed.js'), import('./media/media.seed.js'), import('./server.js')]);
        const seeded = await seedDemo({ db: db.kysely, clock: systemClock });
        await seedDemoMedia({ db: db.kysely, clock: systemClock, storage: mediaStorageFor(config) });
        return seeded;
      });
      const added = Object.entries(report.created).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
      process.stdout.write(added.length ? `Demo content added: ${added.join(', ')}.\n` : 'Demo content already present; nothing changed.\n');
      return 0;
    }
    case 'lint':
      // Its own options (--format, --fix): everything after the command word goes to it.
      return (await import('./editorial/lint.cli.js')).runLintCli(argv.slice(argv.indexOf('lint') + 1), config);
    case 'media':
      // Its own options (--title, --subtitles ...): everything after the command word goes to it.
      return withDb(config, async (db) => {
        const [{ runMediaCommand }, { mediaStorageFor }] = await Promise.all([import('./media/media.cli.js'), import('./server.js')]);
        return runMediaCommand(argv.slice(argv.indexOf('media') + 1), { db: db.kysely, storage: mediaStorageFor(config), out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
      });
    case 'commenter': {
      const [action, email] = [positionals[1], positionals[2]];
      if ((action !== 'export' && action !== 'erase') || !email) {
        process.stderr.write('Usage: onset commenter export|erase <email>\n');
        return 2;
      }
      const out = await withDb(config, async (db) => {
        const { eraseCommenter, exportCommenter } = await import('./comments/commenter.service.js');
        return action === 'export' ? exportCommenter({ email }, { db: db.kysely }) : eraseCommenter({ email }, { db: db.kysely, clock: systemClock });
      });
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    case 'user': {
      return withDb(config, async (db) => {
        const { runUserCommand } = await import('./newsroom/auth/user.cli.js');
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        return runUserCommand(
          { action: positionals[1], email: positionals[2], role: str(values.role), name: str(values.name), passwordStdin: values['password-stdin'] === true },
          { db: db.kysely, clock: systemClock, publicUrl: config.publicUrl, out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
        );
      });
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
