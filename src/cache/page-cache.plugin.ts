import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.js';
import { PageCache, type CachedPage } from './page-cache.js';
import { onLocalPurge, type CacheTag } from './purge.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Opt a GET route into the page cache, kept for `ttlSeconds` unless purged earlier. */
    pageCache?: { ttlSeconds: number };
  }
  interface FastifyRequest {
    /** Tags the handler declared with reply.cacheTags; a page without tags is never stored. */
    pageCacheTags?: CacheTag[];
  }
  interface FastifyReply {
    /** Declares what this page depends on, for the page cache and for CDNs (Surrogate-Key). */
    cacheTags(tags: CacheTag[]): FastifyReply;
  }
}

// Cookies that make a page personal (a reader's vote, their pending comments, saved details,
// staff sign-in). Such requests are rendered fresh and never stored; everyone else shares pages.
const PERSONAL_COOKIE = /(?:^|;\s*)(onset_reader|onset_own_comments|onset_commenter|onset_staff|onset_session)=/;
// How long a CDN may serve a page while it fetches a fresh one in the background.
const STALE_WHILE_REVALIDATE_SECONDS = 60;

function isPersonal(request: FastifyRequest): boolean {
  const cookie = request.headers.cookie;
  return typeof cookie === 'string' && PERSONAL_COOKIE.test(cookie);
}

function pickEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function sharedHeaders(reply: FastifyReply, page: CachedPage, ttlSeconds: number, status: 'HIT' | 'MISS'): void {
  reply.header('etag', page.etag);
  reply.header('cache-control', `public, max-age=0, s-maxage=${ttlSeconds}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`);
  reply.header('surrogate-key', page.tags.join(' '));
  reply.header('vary', 'Accept-Encoding');
  reply.header('x-cache', status);
}

/** The body to send for a cached page, compressed the way the client asked. */
function encodedBody(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Buffer {
  const encoding = pickEncoding(request);
  if (encoding) reply.header('content-encoding', encoding);
  return encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body;
}

/** Lets routes declare their tags (reply.cacheTags), with or without a page cache installed. */
export function decorateCacheTags(app: FastifyInstance): void {
  app.decorateRequest('pageCacheTags', undefined);
  app.decorateReply('cacheTags', function (this: FastifyReply, tags: CacheTag[]) {
    this.request.pageCacheTags = tags;
    // CDNs purge by these keys too, whether or not this process keeps the page.
    this.header('surrogate-key', tags.join(' '));
    return this;
  });
}

/**
 * Puts a page cache in front of the routes that opt in (config.pageCache). A hit is answered in
 * onRequest, before any route code runs; a miss is rendered, stored with its tags in onSend, and
 * sent compressed. Strong ETags give 304s to browsers and CDNs alike.
 */
export function installPageCache(app: FastifyInstance, options: { maxBytes: number; clock: Clock }): PageCache {
  const cache = new PageCache(options.maxBytes);
  const unsubscribe = onLocalPurge((tags) => cache.purge(tags));
  app.addHook('onClose', async () => {
    unsubscribe();
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config.pageCache;
    if (!config || request.method !== 'GET' || isPersonal(request)) return;
    const page = cache.get(request.url, options.clock().getTime());
    if (!page) return;
    sharedHeaders(reply, page, config.ttlSeconds, 'HIT');
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
    return reply.code(200).type(page.contentType).send(encodedBody(request, reply, page));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config.pageCache;
    if (!config || request.method !== 'GET' || reply.getHeader('x-cache') === 'HIT') return payload;
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload)) || !request.pageCacheTags?.length) return payload;
    if (isPersonal(request) || reply.getHeader('set-cookie') || /private|no-store/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    const page = cache.set(
      request.url,
      { body: typeof payload === 'string' ? Buffer.from(payload) : payload, contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'), tags: request.pageCacheTags, ttlMs: config.ttlSeconds * 1000 },
      options.clock().getTime(),
    );
    sharedHeaders(reply, page, config.ttlSeconds, 'MISS');
    if (request.headers['if-none-match'] === page.etag) {
      reply.code(304);
      return '';
    }
    return encodedBody(request, reply, page);
  });
  return cache;
}
