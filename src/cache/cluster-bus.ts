import cluster from 'node:cluster';
import { applyRemotePurge, onPurge, type CacheTag } from './purge.js';

interface PurgeMessage {
  onset: 'purge';
  tags: CacheTag[];
}
const isPurge = (m: unknown): m is PurgeMessage => typeof m === 'object' && m !== null && (m as PurgeMessage).onset === 'purge' && Array.isArray((m as PurgeMessage).tags);

/** In a worker: sends this worker's purges to the primary and applies those it relays. */
export function relayPurgesToPrimary(): void {
  onPurge((tags) => process.send?.({ onset: 'purge', tags } satisfies PurgeMessage));
  process.on('message', (message) => {
    if (isPurge(message)) applyRemotePurge(message.tags);
  });
}

/** In the primary: passes each worker's purge on to every other worker. */
export function relayPurgesBetweenWorkers(): void {
  cluster.on('message', (from, message) => {
    if (!isPurge(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker.id !== from.id) worker.send(message);
    }
  });
}
