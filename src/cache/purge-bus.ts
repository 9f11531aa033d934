import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { applyRemotePurge, onPurge, type CacheTag } from './purge.js';

const CHANNEL = 'onset:purge';

/**
 * Carries purges between processes over Redis pub/sub: a purge made here is published, and a
 * purge published by another process is applied to this process's page caches. Each message names
 * its origin so a process does not apply its own purge twice. Without REDIS_URL nothing of this
 * runs, and a single process purges exactly as before.
 */
export async function connectPurgeBus(redisUrl: string, log: Pick<Logger, 'warn' | 'error'>): Promise<{ close(): Promise<void> }> {
  const origin = crypto.randomUUID();
  // ioredis is loaded only when REDIS_URL is set: a single process never needs it.
  const { Redis } = await import('ioredis');
  const pub = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const sub = new Redis(redisUrl, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  sub.on('message', (_channel, message) => {
    try {
      const { from, tags } = JSON.parse(message) as { from: string; tags: CacheTag[] };
      if (from !== origin && Array.isArray(tags)) applyRemotePurge(tags.filter((t) => typeof t === 'string'));
    } catch (err) {
      log.warn({ err }, 'ignored a malformed purge message');
    }
  });
  await sub.subscribe(CHANNEL);
  const unsubscribe = onPurge((tags) => {
    pub.publish(CHANNEL, JSON.stringify({ from: origin, tags })).catch((err) => log.error({ err }, 'purge broadcast failed'));
  });
  return {
    close: async () => {
      unsubscribe();
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
