import cluster from 'node:cluster';
import type { Config } from './config.js';
import { relayPurgesToPrimary, relayPurgesBetweenWorkers } from './cache/cluster-bus.js';
import { createLogger } from './lib/logger.js';

// How long the primary waits for workers to finish in-flight requests before it gives up.
const WORKER_STOP_MS = 10_000;
/** Set on the one short-lived worker that prepares the database before any worker serves. */
const PREPARE_ENV = 'ONSET_CLUSTER_PREPARE';

/**
 * `onset serve --workers N`: a first worker prepares the database (migrations, demo seed, first
 * admin) and exits; then the primary forks N workers that share the port (node:cluster hands out
 * connections). A worker that dies unexpectedly is replaced. Purges travel between workers through
 * the primary, so a page changed through one worker is purged in all of them, with or without
 * Redis. The primary never loads the app, the database driver or the seed (only the workers do),
 * so it stays at ~58 MB resident instead of ~98 MB.
 */
export async function runCluster(config: Config, workers: number): Promise<void> {
  if (cluster.isWorker) {
    const server = await import('./server.js');
    if (process.env[PREPARE_ENV] === '1') {
      const db = server.openConfiguredDb(config);
      try {
        await server.prepareDatabase(config, db, createLogger(config), server.mediaStorageFor(config));
      } finally {
        await db.close();
      }
      process.exit(0);
    }
    relayPurgesToPrimary();
    const { stop } = await server.startServer(config, { prepare: false });
    server.handleShutdownSignals(stop, createLogger(config));
    return;
  }
  const log = createLogger(config);
  const prepared = await new Promise<number | null>((resolve) => cluster.fork({ [PREPARE_ENV]: '1' }).once('exit', (code) => resolve(code)));
  if (prepared !== 0) {
    log.fatal({ code: prepared }, 'preparing the database failed; no worker started');
    process.exit(1);
  }
  relayPurgesBetweenWorkers();
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  log.info({ workers }, 'cluster started');

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const timer = setTimeout(() => process.exit(1), WORKER_STOP_MS);
    timer.unref();
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 50);
  };
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
}
