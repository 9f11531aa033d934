// What the bench prepares before measuring: a fresh PostgreSQL database (--database postgres)
// and the generated scale (--scale N).
import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb } from '../src/db/connection.js';
import { onCleanup, spawnChild } from './proc.js';
import { repoRoot, serverEnv, type BenchData } from './server.js';

/** Server where --database postgres creates its database; the database name in it is replaced. */
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates `onset_bench_<random>` on BENCH_POSTGRES_URL's server (default the local one) and
 * drops it (with force) when the bench ends, also on errors and Ctrl-C. Returns its URL.
 */
export async function createBenchDatabase(): Promise<string> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const name = `onset_bench_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  onCleanup(() => adminQuery(adminUrl, `drop database if exists ${name} with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `npm run build`: the bench measures the compiled server, as `npm start` runs it. */
export async function buildDist(): Promise<void> {
  console.log('npm run build (the bench measures the compiled server, as npm start runs it)...');
  const proc = spawnChild('npm', ['run', 'build', '--silent'], { cwd: repoRoot, env: process.env });
  onCleanup(() => proc.stop());
  const code = await new Promise<number | null>((resolve) => proc.child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`npm run build exited with ${code}:\n${proc.output()}`);
}

/** Runs `node bin/onset.js <args>` over the bench data; resolves with its output, throws on failure. */
async function onset(data: BenchData, args: string[], onOutput?: (chunk: string) => void): Promise<string> {
  const proc = spawnChild(process.execPath, ['bin/onset.js', ...args], { cwd: repoRoot, env: serverEnv(data) });
  onCleanup(() => proc.stop());
  if (onOutput) proc.child.stderr?.on('data', (c: Buffer) => onOutput(c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => proc.child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`onset ${args.join(' ')} exited with ${code}:\n${proc.output()}`);
  return proc.output();
}

export interface GenerationReport {
  stories: number;
  comments: number;
  votes: number;
  command: string;
  seconds: number;
  /** The generator's own summary line ("Generated ... in N s."). */
  summary: string;
  /** `analyze` afterwards (planner statistics), not included in `seconds`. */
  analyzeSeconds: number;
}

/**
 * Seeds the demo (so the demo story and home look as on a fresh install), then
 * `onset generate --stories N --comments 10N --votes 5N` against the same database, timed.
 */
export async function generateScale(data: BenchData, stories: number): Promise<GenerationReport> {
  await onset(data, ['seed-demo']);
  const args = ['generate', '--stories', String(stories), '--comments', String(stories * 10), '--votes', String(stories * 5)];
  const started = performance.now();
  let lastProgress = 0;
  const output = await onset(data, args, (chunk) => {
    // The progress bar writes to stderr; relay a line now and then so a long run shows it is alive.
    if (Date.now() - lastProgress > 10_000) {
      lastProgress = Date.now();
      const line = chunk.split(/[\r\n]/).filter((l) => l.trim()).pop();
      if (line) console.log(`  ${line.trim()}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = output.split('\n').find((l) => l.startsWith('Generated')) ?? '';
  // Fresh planner statistics, as autovacuum (PostgreSQL) would gather within minutes of a bulk
  // load: without them PostgreSQL plans the comment-thread query for an empty table and a story
  // page at 100,000 stories takes ~150 ms instead of ~15 ms. Timed separately from generation.
  const analyzeStarted = performance.now();
  const db = openDb(data.databaseUrl ? { databaseUrl: data.databaseUrl } : { sqliteFile: path.join(data.dataDir, 'onset.sqlite') });
  try {
    await sql`analyze`.execute(db.kysely);
  } finally {
    await db.close();
  }
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
  return { stories, comments: stories * 10, votes: stories * 5, command: `onset ${args.join(' ')}`, seconds, summary, analyzeSeconds };
}

/** Rows of an existing database (for --database-url): what the run measured against. */
export async function countRows(url: string): Promise<{ stories: number; comments: number; votes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (table: string) => Number((await client.query(`select count(*)::bigint as n from ${table}`)).rows[0].n);
    return { stories: await one('articles'), comments: await one('comments'), votes: await one('reactions') };
  } finally {
    await client.end();
  }
}
