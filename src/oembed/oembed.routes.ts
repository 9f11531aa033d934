import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import type { AppContext } from '../context.js';
import { CACHE_AGE_SECONDS, oembedForUrl } from './oembed.service.js';

const ErrorJson = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });
const OembedJson = Type.Object({
  version: Type.Literal('1.0'),
  type: Type.Literal('rich'),
  title: Type.String(),
  author_name: Type.String(),
  author_url: Type.String(),
  provider_name: Type.String(),
  provider_url: Type.String(),
  cache_age: Type.Integer(),
  html: Type.String({ description: 'A blockquote card with a link to the story; no script' }),
  width: Type.Integer(),
  height: Type.Integer(),
  thumbnail_url: Type.Optional(Type.String()),
  thumbnail_width: Type.Optional(Type.Integer()),
  thumbnail_height: Type.Optional(Type.Integer()),
});

/** oEmbed 1.0 provider for story pages, so other sites can embed a card of a story. */
export function oembedRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/oembed',
      {
        schema: {
          tags: ['oembed'],
          summary: 'oEmbed card of a story (https://oembed.com/): type "rich", JSON only',
          querystring: Type.Object({
            url: Type.Optional(Type.String({ maxLength: 2000, description: 'The story page URL' })),
            format: Type.Optional(Type.String({ maxLength: 20, default: 'json' })),
            maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
            maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          }),
          response: { 200: OembedJson, 400: ErrorJson, 404: ErrorJson, 501: ErrorJson },
        },
        // oEmbed consumers are programs: errors here are JSON too, not the site's HTML error page.
        errorHandler: (error: FastifyError, _request, reply) => {
          if (!error.validation) throw error;
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message });
        },
      },
      async (request, reply) => {
        const { url, format, maxwidth, maxheight } = request.query;
        reply.header('access-control-allow-origin', '*');
        if (!url) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'the url parameter is required: the address of a story on this site' });
        if (format !== undefined && format !== 'json') {
          return reply.code(501).send({ statusCode: 501, error: 'Not Implemented', message: `format "${format}" is not offered; use format=json` });
        }
        const card = await oembedForUrl({ url, maxWidth: maxwidth, maxHeight: maxheight }, { db: ctx.db.kysely, site: ctx.site, now: ctx.clock().toISOString() });
        if (!card) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no story of this site has that URL' });
        return reply.header('cache-control', `public, max-age=${CACHE_AGE_SECONDS}`).send(card);
      },
    );
  };
}
