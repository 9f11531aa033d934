import cluster from 'node:cluster';
import type { Config } from './config.js';
import { relayPurgesToPrimary, relayPurgesBetweenWorkers } from './cache/cluster-bus.js';
import { createLogger, handleShutdownSignals, mediaStorageFor, openConfiguredDb, prepareDatabase, startServer } from './server.js';

// How long the primary waits for workers to finish in-flight requests before it gives up.
const WORKER_STOP_MS = 10_000;

/**
 * `onset serve --workers N`: the primary prepares the database once (migrations, demo seed, first
 * admin), then forks N workers that share the port (node:cluster hands out connections). A worker
 * that dies unexpectedly is replaced. Purges travel between workers through the primary, so a
 * page changed through one worker is purged in all of them, with or without Redis.
 */
export async function runCluster(config: Config, workers: number): Promise<void> {
  if (cluster.isWorker) {
    relayPurgesToPrimary();
    const { stop } = await startServer(config, { prepare: false });
    handleShutdownSignals(stop, createLogger(config));
    return;
  }
  const log = createLogger(config);
  const db = openConfiguredDb(config);
  try {
    await prepareDatabase(config, db, log, mediaStorageFor(config));
  } finally {
    await db.close();
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
