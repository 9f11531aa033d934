import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, onCleanup, peakRssTree, spawnChild, waitForOk } from './proc.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  baseUrl: string;
  /** Where its data lives: the SQLite file, or the PostgreSQL URL when DATABASE_URL is set. */
  database: { sqliteFile?: string; url?: string };
  pid: number;
  /** Peak RSS of the server process tree so far (largest single process), in KiB. */
  peakRss: () => { peakRssKb: number; processes: ReturnType<typeof peakRssTree> } | undefined;
  stop: () => Promise<void>;
}

/** `node bin/onset.js serve` on a free port with a fresh DATA_DIR (migrates and seeds on first start). */
export async function startServer(readyTimeoutMs = 60_000): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onset-bench-data-'));
  onCleanup(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const proc = spawnChild(process.execPath, ['bin/onset.js', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // All load comes from one IP; the per-IP vote caps would refuse it after a few readers.
      REACTIONS_IP_CAP: process.env.REACTIONS_IP_CAP ?? '1000000000',
      REACTIONS_IP_RATE: process.env.REACTIONS_IP_RATE ?? '1000000000',
    },
  });
  onCleanup(() => proc.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForOk(`${baseUrl}/readyz`, proc, readyTimeoutMs);
  const pid = proc.child.pid!;
  return {
    baseUrl,
    database: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { sqliteFile: path.join(dataDir, 'onset.sqlite') },
    pid,
    peakRss: () => {
      const processes = peakRssTree(pid);
      if (processes.length === 0) return undefined;
      return { peakRssKb: Math.max(...processes.map((p) => p.peakRssKb)), processes };
    },
    stop: () => proc.stop(),
  };
}
