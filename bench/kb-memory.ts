// What the knowledge base's in-memory indexes cost: the search lexicon (names readers search for)
// and the entity-linking name index (names in story text), built from a database. Prints the heap
// each keeps (measured after a full collection, with the rows they were built from released) and
// the time to build it, which the first search or render after a catalog change waits for.
//
//   node --expose-gc --import tsx bench/kb-memory.ts                          # demo knowledge base (fresh SQLite)
//   node --expose-gc --import tsx bench/kb-memory.ts --database-url postgres://postgres@127.0.0.1:5432/onset_scale
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadNameSources } from '../src/catalog/catalog.repository.js';
import { NameIndex } from '../src/catalog/names.js';
import { openDb } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { systemClock } from '../src/lib/clock.js';
import { SearchLexicon } from '../src/search/lexicon.js';
import { loadLexiconSources } from '../src/search/search.repository.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('run with node --expose-gc --import tsx bench/kb-memory.ts\n');
  process.exit(2);
}
const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
const db = openDb(values['database-url'] ? { databaseUrl: values['database-url'] } : { sqliteFile: ':memory:' });
if (!values['database-url']) {
  await migrateToLatest(db);
  await seedDemo({ db: db.kysely, clock: systemClock });
}

async function measure<T>(name: string, load: () => Promise<unknown>, build: (sources: never) => T, size: (built: T) => string): Promise<void> {
  let sources: unknown = await load();
  gc!();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const built = build(sources as never);
  const ms = performance.now() - started;
  sources = undefined;
  gc!();
  const mb = (process.memoryUsage().heapUsed - before) / 1048576;
  console.log(`${name.padEnd(12)} ${mb.toFixed(1).padStart(6)} MB heap   built in ${ms.toFixed(0).padStart(4)} ms   (${size(built)})`);
}

const people = await db.kysely.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
console.log(`${values['database-url'] ? 'database' : 'demo (SQLite)'}: ${Number(people.n).toLocaleString('en-US')} people`);
await measure('lexicon', () => loadLexiconSources(db.kysely), (s) => new SearchLexicon(s), (l) => `${l.size.forms.toLocaleString('en-US')} forms, ${l.size.words.toLocaleString('en-US')} words`);
await measure('name index', () => loadNameSources(db.kysely), (s) => new NameIndex(s), (n) => `${n.size.toLocaleString('en-US')} names`);
await db.close();
