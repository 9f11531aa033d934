import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { findArticleIdBySlug } from '../articles/articles.repository.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { renderPage } from '../web/layout.js';
import { renderErrorPage } from '../web/errors.js';
import { admitStaff, requireStaff } from '../web/staff-guard.js';
import { assertSameOrigin } from '../web/same-origin.js';
import { reactionTotalsForNewsroom, resetReactions } from './reactions.service.js';
import { ReactionsModeration } from './views/moderation.js';

const MODERATION_PAGE_SIZE = 200;

/**
 * Staff-only reaction routes: totals per story (JSON and page) and the reset of a story's votes.
 * The guards run onRequest, so a stranger gets 401 before any body is parsed.
 */
export function reactionsStaffRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const deps = { db: ctx.db, reactions: ctx.reactions };

    /** Any story with this slug, published or not: votes may outlive an unpublish. */
    async function articleIdOf(slug: string): Promise<number> {
      const row = await findArticleIdBySlug(ctx.db.kysely, slug);
      if (!row) throw new DomainError(`No story has the slug "${slug}"`, 404);
      return row.id;
    }

    /** For the reset form: a page (not JSON) when the staff session has ended meanwhile. */
    async function requireStaffForm(request: FastifyRequest, reply: FastifyReply) {
      if (!admitStaff(request, ctx.adminToken)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .type('text/html; charset=utf-8')
          .send(renderErrorPage(ctx.site, 401, 'This form is for Onset staff. Please sign in at /newsroom/login and try again.'));
      }
    }

    app.get(
      '/api/v1/reactions/totals',
      {
        onRequest: requireStaff(ctx.adminToken),
        schema: {
          tags: ['reactions'],
          summary: 'Staff: reaction totals per story, most voted first',
          querystring: Type.Object({
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  slug: Type.String(),
                  headline: Type.String(),
                  status: Type.String(),
                  total: Type.Integer(),
                  counts: Type.Record(Type.String(), Type.Integer(), { description: 'reaction key -> votes' }),
                }),
              ),
              limit: Type.Integer(),
              offset: Type.Integer(),
            }),
            401: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const items = await reactionTotalsForNewsroom(request.query, deps);
        return reply.header('cache-control', 'private, no-store').send({ items, ...request.query });
      },
    );

    app.delete(
      '/api/v1/articles/:slug/reactions/all',
      {
        onRequest: requireStaff(ctx.adminToken),
        schema: {
          tags: ['reactions'],
          summary: "Staff: remove every reaction on a story",
          params: Type.Object({ slug: Type.String({ maxLength: 200 }) }),
          response: { 200: Type.Object({ article: Type.String(), removed: Type.Integer() }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const removed = await resetReactions({ articleId: await articleIdOf(request.params.slug) }, deps);
        request.log.info({ article: request.params.slug, removed }, 'reactions reset by staff');
        return { article: request.params.slug, removed };
      },
    );

    app.get(
      '/moderation/reactions',
      {
        // Sends a person who is not signed in to /newsroom/login and back.
        onRequest: requireStaff(ctx.adminToken),
        schema: { hide: true, querystring: Type.Object({ reset: Type.Optional(Type.String({ maxLength: 200 })), removed: Type.Optional(Type.Integer({ minimum: 0 })) }) },
      },
      async (request, reply) => {
        const rows = await reactionTotalsForNewsroom({ limit: MODERATION_PAGE_SIZE, offset: 0 }, deps);
        const { reset, removed } = request.query;
        const notice = reset ? `Removed ${removed ?? 0} ${removed === 1 ? 'reaction' : 'reactions'} from “${reset}”.` : undefined;
        const html = renderPage(ctx.site, { title: 'Reactions · Moderation', path: '/moderation/reactions', noindex: true }, <ReactionsModeration set={ctx.reactions.set} rows={rows} notice={notice} csrf={request.staff?.csrfToken} />);
        return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(html);
      },
    );

    app.post(
      '/moderation/reactions/reset',
      { onRequest: requireStaffForm, schema: { hide: true, body: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }) } },
      async (request, reply) => {
        // Staff may be signed in by cookie, so this form needs the cross-site check as much as the readers' one.
        assertSameOrigin(request, ctx.site.publicUrl);
        const { slug } = request.body;
        const removed = await resetReactions({ articleId: await articleIdOf(slug) }, deps);
        request.log.info({ article: slug, removed }, 'reactions reset by staff');
        return reply.redirect(`/moderation/reactions?reset=${encodeURIComponent(slug)}&removed=${removed}`, 303);
      },
    );
  };
}
