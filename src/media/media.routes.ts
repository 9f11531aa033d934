import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { purge } from '../cache/purge.js';
import { requireStaff } from '../web/staff-guard.js';
import { findImage, addImage, MAX_IMAGE_BYTES } from './images.service.js';
import { MediaError } from './media.errors.js';
import { decideRange } from './range.js';
import { CONTENT_TYPE_BY_EXT } from './sniff.js';
import { isMediaKey, mediaUrl, type MediaStorage } from './storage.js';
import { addEmbeddedVideo, addSelfHostedVideo, addSubtitles, MAX_SUBTITLE_BYTES, MAX_VIDEO_BYTES, setLeadVideo } from './videos.service.js';

const ErrorBody = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });
const Created = Type.Object({ id: Type.Integer(), url: Type.Optional(Type.String()) });
// Stored names change with their content, so a year of caching (and "immutable") is safe.
const IMMUTABLE = 'public, max-age=31536000, immutable';

function asBuffer(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new MediaError('send the file as the request body (any Content-Type except JSON and forms)', 400);
}

/** Media files (with range requests), and the staff API that adds videos, subtitles and images. */
export function mediaRoutes(ctx: AppContext, storage: MediaStorage): FastifyPluginAsyncTypebox {
  return async (app) => {
    const deps = { db: ctx.db.kysely, storage, clock: ctx.clock };
    const staffOnly = requireStaff(ctx.adminToken);

    // Uploads are the raw bytes of the file. Plain text too: subtitles must reach the UTF-8 check
    // as bytes, not as a string already decoded with replacement characters.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.get('/media/:key', { schema: { hide: true, params: Type.Object({ key: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
      const { key } = request.params;
      const stat = isMediaKey(key) ? await storage.stat(key) : undefined;
      if (!stat) return reply.callNotFound();
      const etag = `"${key.split('.')[0]}"`;
      reply.headers({
        'accept-ranges': 'bytes',
        'cache-control': IMMUTABLE,
        etag,
        'content-type': CONTENT_TYPE_BY_EXT[key.split('.')[1]!] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        // Uploaded files are never documents: nothing in them may run if opened directly.
        'content-security-policy': "default-src 'none'; sandbox",
      });
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const ifRange = request.headers['if-range'];
      const range = ifRange !== undefined && ifRange !== etag ? { kind: 'full' as const } : decideRange(request.headers.range, stat.bytes);
      if (range.kind === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${stat.bytes}`).send();
      if (range.kind === 'partial') {
        return reply
          .code(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${stat.bytes}`)
          .header('content-length', range.end - range.start + 1)
          .send(storage.get(key, range));
      }
      return reply.header('content-length', stat.bytes).send(storage.get(key));
    });

    // An uploaded image by id: the largest JPEG, for feeds and og:image, which take one URL.
    app.get('/media/images/:id', { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
      const image = await findImage(ctx.db.kysely, request.params.id);
      const jpeg = image?.variants.filter((v) => v.format === 'jpeg').at(-1);
      if (!jpeg) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=3600').redirect(mediaUrl(jpeg.key), 302);
    });

    app.post(
      '/api/v1/media/videos',
      {
        preHandler: staffOnly,
        bodyLimit: MAX_VIDEO_BYTES,
        schema: {
          tags: ['media'],
          summary: 'Upload a self-hosted video (MP4 or WebM, the raw file as the body); staff only',
          querystring: Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 1000 })), durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })) }),
          response: { 201: Created, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (request, reply) => {
        const { id } = await addSelfHostedVideo({ bytes: asBuffer(request.body), ...request.query }, deps);
        return reply.code(201).send({ id });
      },
    );

    app.post(
      '/api/v1/media/videos/embedded',
      {
        preHandler: staffOnly,
        schema: {
          tags: ['media'],
          summary: 'Record a video hosted by YouTube or Vimeo, shown behind a click-to-load facade; staff only',
          body: Type.Object({
            provider: Type.String({ maxLength: 40 }),
            providerId: Type.String({ maxLength: 64 }),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 1000 })),
            durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
          }),
          response: { 201: Created, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request, reply) => reply.code(201).send(await addEmbeddedVideo(request.body, deps)),
    );

    app.post(
      '/api/v1/media/videos/:id/subtitles',
      {
        preHandler: staffOnly,
        bodyLimit: MAX_SUBTITLE_BYTES,
        schema: {
          tags: ['media'],
          summary: 'Add subtitles in one language (WebVTT or SRT as the body, UTF-8); SRT is converted to WebVTT; staff only',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          querystring: Type.Object({ lang: Type.String({ minLength: 2, maxLength: 35 }), label: Type.Optional(Type.String({ maxLength: 60 })) }),
          response: {
            201: Type.Object({ lang: Type.String(), label: Type.String(), cues: Type.Integer(), overlaps: Type.Array(Type.String()) }),
            400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 413: ErrorBody, 422: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const result = await addSubtitles({ videoId: request.params.id, lang: request.query.lang, label: request.query.label, bytes: asBuffer(request.body) }, deps);
        purge([`media:video:${request.params.id}`]);
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/api/v1/media/images',
      {
        preHandler: staffOnly,
        bodyLimit: MAX_IMAGE_BYTES + 1,
        schema: {
          tags: ['media'],
          summary: 'Upload an image (JPEG, PNG, WebP, AVIF or GIF as the body); responsive variants are made and metadata removed; staff only',
          response: {
            201: Type.Object({ id: Type.Integer(), url: Type.String(), width: Type.Integer(), height: Type.Integer(), variants: Type.Array(Type.Object({ format: Type.String(), width: Type.Integer(), url: Type.String() })) }),
            400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const image = await addImage({ bytes: asBuffer(request.body) }, deps);
        return reply.code(201).send({
          id: image.id, url: `/media/images/${image.id}`, width: image.width, height: image.height,
          variants: image.variants.map((v) => ({ format: v.format, width: v.width, url: mediaUrl(v.key) })),
        });
      },
    );

    app.put(
      '/api/v1/media/articles/:slug/lead-video',
      {
        preHandler: staffOnly,
        schema: {
          tags: ['media'],
          summary: "Set a story's lead video and the subtitle language shown by default; staff only",
          params: Type.Object({ slug: Type.String({ maxLength: 200 }) }),
          body: Type.Object({ videoId: Type.Integer({ minimum: 1 }), defaultSubtitleLang: Type.Optional(Type.Union([Type.String({ maxLength: 35 }), Type.Null()])) }),
          response: { 204: Type.Null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const article = await ctx.db.kysely.selectFrom('articles').select('id').where('slug', '=', request.params.slug).executeTakeFirst();
        if (!article) throw new MediaError(`no story has the slug "${request.params.slug}"`, 404);
        await setLeadVideo({ articleId: article.id, videoId: request.body.videoId, defaultSubtitleLang: request.body.defaultSubtitleLang ?? null }, deps);
        purge([`article:${article.id}`]);
        return reply.code(204).send(null);
      },
    );
  };
}
