import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { assertSameOrigin } from './same-origin.js';

// Only local paths under /moderation may be the target after sign-in (no open redirect).
const safeNext = (next: string | undefined) => (next && /^\/moderation(\/[\w/-]*)?$/.test(next) ? next : '/moderation/comments');

/**
 * There is one sign-in page for people: the newsroom's (/newsroom/login, email and password,
 * with roles). /moderation/login, where staff once typed the admin token, now sends them there;
 * the admin token stays for API clients, as a Bearer token (src/web/staff-guard.ts).
 */
export function staffLoginRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/moderation/login', { schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (request, reply) =>
      reply.redirect(`/newsroom/login?next=${encodeURIComponent(safeNext(request.query.next))}`, 301),
    );

    // Clears the cookie of the old token sign-in, so no browser keeps the raw token around.
    app.post('/moderation/logout', { schema: { hide: true } }, async (request, reply) => {
      assertSameOrigin(request, ctx.site.publicUrl);
      reply.clearCookie('onset_staff', { path: '/' });
      return reply.redirect('/', 303);
    });
  };
}
