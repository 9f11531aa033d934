import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Db } from './db/connection.js';
import { pingDb } from './db/connection.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { DomainError } from './lib/errors.js';
import type { AppContext } from './context.js';
import { buildNameIndex } from './catalog/linking.service.js';
import type { NameIndex } from './catalog/names.js';
import { articlesRoutes } from './articles/articles.routes.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import { scheduleRoutes } from './schedule/schedule.routes.js';
import { reactionsRoutes } from './reactions/reactions.routes.js';
import { commentsRoutes } from './comments/comments.routes.js';
import { moderationRoutes } from './comments/moderation.routes.js';
import { createReactionsRuntime, type ReactionsOptions } from './reactions/reactions.runtime.js';
import { buildAssets, registerAssetRoutes } from './web/assets.js';
import { staffLoginRoutes } from './web/staff-login.routes.js';
import { lintRoutes } from './editorial/lint.routes.js';
import { registerStaffSessions } from './newsroom/auth/session.js';
import { authRoutes } from './newsroom/auth/auth.routes.js';
import { createMailer, type MailOptions } from './newsroom/auth/mailer.js';
import { newsroomRoutes } from './newsroom/newsroom.routes.js';
import { editorRoutes } from './newsroom/articles/editor.routes.js';
import { kbRoutes } from './newsroom/kb/kb.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { feedsRoutes } from './feeds/feeds.routes.js';
import { oembedRoutes } from './oembed/oembed.routes.js';
import { decorateCacheTags, installPageCache } from './cache/page-cache.plugin.js';
import { connectPurgeBus } from './cache/purge-bus.js';
import { RedisCapStore } from './reactions/redis-cap-store.js';
import { renderErrorPage } from './web/errors.js';
import { mediaRoutes } from './media/media.routes.js';
import { createFileStorage, type MediaStorage } from './media/storage.js';
import { SITE_NAME, type Site } from './web/site.js';

export interface BuildAppOptions {
  db: Db;
  publicUrl: string;
  clock?: Clock;
  /** A pino logger; none silences logs, as tests want. */
  logger?: Logger;
  /** Secret for signed cookies. */
  cookieSecret: string;
  /** Staff token for moderation and overrides until the newsroom has accounts. */
  adminToken?: string | undefined;
  /** Reaction set and vote caps; defaults when absent. */
  reactions?: ReactionsOptions | undefined;
  /** Bytes of rendered pages kept in memory; 0 turns the page cache off. Default 64 MiB. */
  pageCacheBytes?: number | undefined;
  /** Fastify trustProxy: which proxies may set X-Forwarded-For; false (default) trusts none. */
  trustProxy?: boolean | number | string | undefined;
  /** redis://... carries cache purges to the other processes. */
  redisUrl?: string | undefined;
  /** Where uploaded media live (src/media/storage.ts); default: a fresh folder under the OS temp dir. */
  mediaStorage?: MediaStorage | undefined;
  /** SMTP for staff password-reset mail (Config.mail); without it, reset links come from the CLI. */
  mail?: MailOptions | undefined;
  /** Whole stories in RSS/Atom feeds (Config.feedFullText); summaries by default. */
  feedFullText?: boolean | undefined;
}

const isApi = (url: string) => url.startsWith('/api/');

/**
 * Builds the Fastify app: external plugins first, then the app's own plugins, then the domain
 * routes. Nothing listens yet; tests call `app.inject`, the server calls `listen`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    // Fastify takes a hop count as a number at run time though its type lists only strings.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const site: Site = { name: SITE_NAME, publicUrl: options.publicUrl, assets: await buildAssets() };
  // With Redis, vote caps are counted once for all processes; without, in this process.
  // ioredis is loaded only when REDIS_URL is set: a single process never needs it.
  const capsRedis = options.redisUrl ? new (await import('ioredis')).Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  if (capsRedis) app.addHook('onClose', async () => void (await capsRedis.quit()));
  const capStore = capsRedis ? new RedisCapStore(capsRedis) : undefined;
  let nameIndex: Promise<NameIndex> | undefined;
  const ctx: AppContext = {
    db: options.db,
    clock: options.clock ?? systemClock,
    site,
    adminToken: options.adminToken,
    reactions: createReactionsRuntime({ ...options.reactions, capStore: options.reactions?.capStore ?? capStore }),
    log: app.log as unknown as Logger,
    names: {
      get: () => (nameIndex ??= buildNameIndex(options.db.kysely).catch((err) => {
        nameIndex = undefined;
        throw err;
      })),
      invalidate: () => {
        nameIndex = undefined;
      },
    },
  };

  // External plugins.
  await app.register(formbody);
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Onset API', version: '1.0.0', description: 'Stories, people and dramas of the Onset newsroom.' },
      servers: [{ url: options.publicUrl }],
    },
  });

  // App plugins: errors, health, assets.
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    let statusCode = error instanceof DomainError ? error.statusCode : (error.statusCode ?? 500);
    if (statusCode < 400) statusCode = 500;
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const message = statusCode >= 500 ? 'Internal Server Error' : error.message;
    if (isApi(request.url)) {
      return reply.code(statusCode).send({ statusCode, error: httpReason(statusCode), message });
    }
    return reply.code(statusCode).type('text/html; charset=utf-8').send(renderErrorPage(site, statusCode, message, request.url.split('?')[0]));
  });
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request.url)) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route for ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.code(404).type('text/html; charset=utf-8').send(renderErrorPage(site, 404, undefined, request.url.split('?')[0]));
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ok = await pingDb(options.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database unreachable', database: options.db.dialect });
  });
  registerAssetRoutes(app, site.assets);
  const pageCacheBytes = options.pageCacheBytes ?? 64 * 1024 * 1024;
  decorateCacheTags(app);
  if (pageCacheBytes > 0) {
    installPageCache(app, { maxBytes: pageCacheBytes, clock: ctx.clock });
    if (options.redisUrl) {
      const bus = await connectPurgeBus(options.redisUrl, app.log as unknown as Logger);
      app.addHook('onClose', () => bus.close());
    }
  }

  // Staff sessions are read for every request: the newsroom guard and the staff guard use them.
  registerStaffSessions(app, ctx);

  // Domain routes.
  await app.register(articlesRoutes(ctx));
  await app.register(catalogRoutes(ctx));
  await app.register(scheduleRoutes(ctx));
  await app.register(reactionsRoutes(ctx));
  await app.register(commentsRoutes(ctx));
  await app.register(moderationRoutes(ctx));
  await app.register(staffLoginRoutes(ctx));
  await app.register(lintRoutes(ctx));
  const mailer = options.mail ? createMailer(options.mail) : undefined;
  if (mailer) app.addHook('onClose', async () => mailer.close());
  await app.register(authRoutes(ctx, mailer));
  await app.register(newsroomRoutes(ctx));
  await app.register(editorRoutes(ctx));
  await app.register(kbRoutes(ctx));
  await app.register(searchRoutes(ctx));
  await app.register(feedsRoutes(ctx, { fullText: options.feedFullText ?? false }));
  await app.register(oembedRoutes(ctx));
  await app.register(mediaRoutes(ctx, options.mediaStorage ?? createFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'onset-media-')))));

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}

function httpReason(code: number): string {
  const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 503: 'Service Unavailable' };
  return reasons[code] ?? (code >= 500 ? 'Internal Server Error' : 'Error');
}
