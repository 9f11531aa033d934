import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, onCleanup, peakRssTree, spawnChild, waitForOk } from './proc.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The words of `npm start` (package.json scripts.start). */
function startWords(): string[] {
  const start = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return start.split(/\s+/);
}

/**
 * The Node flags of `npm start`, so the bench runs the server exactly as it is started:
 * `--max-semi-space-size=2` caps V8's young generation at 2 MB per semi-space, which keeps a busy
 * server's resident size ~20 MB lower for no measurable loss of throughput.
 */
export function startFlags(): string[] {
  const words = startWords();
  return words.slice(words.indexOf('node') + 1, words.indexOf('bin/onset.js')).filter((w) => w.startsWith('--'));
}

/** The environment `npm start` sets before `node` (the C library's allocator settings). */
export function startEnv(): Record<string, string> {
  const words = startWords();
  return Object.fromEntries(words.slice(0, words.indexOf('node')).filter((w) => /^[A-Z_][A-Z0-9_]*=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
}

/** Where the bench server keeps its data: a temp DATA_DIR, plus a PostgreSQL URL when --database postgres. */
export interface BenchData {
  dataDir: string;
  databaseUrl?: string;
}

/** Peak memory (VmHWM) of every process of one server run. */
export interface ServerMemory {
  /** Each process: "server" (single process), or "primary" and "worker" with --workers; "helper" for non-Node children. */
  processes: Array<{ pid: number; role: 'server' | 'primary' | 'worker' | 'helper'; peakRssKb: number }>;
  /** Largest single process. */
  maxKb: number;
  /** All processes together. */
  sumKb: number;
  /** The serving Node processes only: the workers, or the one server process. */
  workersSumKb: number;
}

export interface RunningServer {
  baseUrl: string;
  /** Where its data lives: the SQLite file, or the PostgreSQL URL. */
  database: { sqliteFile?: string; url?: string };
  pid: number;
  workers: number | null;
  /** Peak RSS of every server process so far; read it before stop(). */
  peakMemory: () => ServerMemory | undefined;
  stop: () => Promise<void>;
}

/** A fresh temp DATA_DIR, removed when the bench ends. */
export async function makeDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onset-bench-data-'));
  onCleanup(() => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** Environment of every onset process the bench starts (server, seed, generate). */
export function serverEnv(data: BenchData, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: data.dataDir,
    LOG_LEVEL: 'warn',
    // The compiled server (bench/run.ts builds it first), even if a source file changes mid-run;
    // --from-source sets BENCH_FROM_SOURCE=1 for the sources through tsx.
    ONSET_FROM_SOURCE: process.env.BENCH_FROM_SOURCE === '1' ? '1' : '0',
    // All load comes from one IP; the per-IP vote caps would refuse it after a few readers.
    REACTIONS_IP_CAP: process.env.REACTIONS_IP_CAP ?? '1000000000',
    REACTIONS_IP_RATE: process.env.REACTIONS_IP_RATE ?? '1000000000',
    ...extra,
  };
  if (data.databaseUrl) env.DATABASE_URL = data.databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/**
 * `node bin/onset.js serve [--workers N]` on a free port over `data` (migrates and seeds on the
 * first start; later starts reuse the same data).
 */
export async function startServer(data: BenchData, options: { workers?: number; readyTimeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const args = [...startFlags(), 'bin/onset.js', 'serve', ...(options.workers ? ['--workers', String(options.workers)] : [])];
  const proc = spawnChild(process.execPath, args, { cwd: repoRoot, env: serverEnv(data, { ...startEnv(), PORT: String(port) }) });
  onCleanup(() => proc.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForOk(`${baseUrl}/readyz`, proc, options.readyTimeoutMs ?? 120_000);
  if (options.workers) await waitForWorkers(proc.child.pid!, options.workers);
  const pid = proc.child.pid!;
  return {
    baseUrl,
    database: data.databaseUrl ? { url: data.databaseUrl } : { sqliteFile: path.join(data.dataDir, 'onset.sqlite') },
    pid,
    workers: options.workers ?? null,
    peakMemory: () => {
      const tree = peakRssTree(pid);
      if (tree.length === 0) return undefined;
      // Node processes are the server (or primary and workers); anything else is a helper the
      // server started (esbuild's service, which bundles the islands at start).
      const role = (p: { pid: number; cmd: string }): ServerMemory['processes'][number]['role'] =>
        !p.cmd.startsWith(process.execPath) ? 'helper' : !options.workers ? 'server' : p.pid === pid ? 'primary' : 'worker';
      const processes = tree.map((p) => ({ pid: p.pid, role: role(p), peakRssKb: p.peakRssKb }));
      const sum = (list: typeof processes) => list.reduce((s, p) => s + p.peakRssKb, 0);
      return { processes, maxKb: Math.max(...processes.map((p) => p.peakRssKb)), sumKb: sum(processes), workersSumKb: sum(processes.filter((p) => p.role === 'worker' || p.role === 'server')) };
    },
    stop: () => proc.stop(),
  };
}

/** /readyz answers as soon as one worker listens; wait until all N are up so the load is shared. */
async function waitForWorkers(pid: number, workers: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (peakRssTree(pid).length >= workers + 1) {
      await new Promise((r) => setTimeout(r, 1500)); // let the last ones finish building assets and listening
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`only ${peakRssTree(pid).length - 1} of ${workers} workers started`);
}
