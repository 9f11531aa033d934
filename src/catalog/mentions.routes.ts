// Staff API for names the linker could not settle alone (two people called Park Ji Hoon).
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { requireStaff } from '../web/staff-guard.js';
import { listOpenMentions, settleMention } from './mentions.service.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const OpenMention = Type.Object({
  surface: Type.String({ description: 'The name as written' }),
  createdAt: Type.String({ format: 'date-time' }),
  candidates: Type.Array(
    Type.Object({
      ref: Type.String({ description: 'type:id, to send back when settling' }),
      type: Type.String(),
      name: Type.String(),
      path: Type.String(),
      note: Type.String({ description: 'A detail that tells namesakes apart' }),
    }),
  ),
});
const MentionsBody = Type.Object({ items: Type.Array(OpenMention) });
const SettleBody = Type.Object(
  {
    surface: Type.String({ minLength: 1, maxLength: 300, description: 'The name as listed by GET' }),
    ref: Type.String({ pattern: '^(person|drama|role):[0-9]{1,10}$', description: 'The chosen candidate, e.g. person:12' }),
  },
  { additionalProperties: false },
);
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export function mentionsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = ctx.db.kysely;
    // onRequest: strangers get 401 before their body is parsed or validated.
    const staffOnly = requireStaff(ctx.adminToken);

    app.get(
      '/api/v1/articles/:slug/mentions',
      { onRequest: staffOnly, schema: { tags: ['articles'], summary: 'Staff: ambiguous names in a story, waiting for an editor', params: SlugParams, response: { 200: MentionsBody, ...errors } } },
      async (request) => ({ items: await listOpenMentions({ articleSlug: request.params.slug }, { db }) }),
    );

    app.put(
      '/api/v1/articles/:slug/mentions',
      { onRequest: staffOnly, schema: { tags: ['articles'], summary: 'Staff: settle an ambiguous name by choosing who it means; answers the names still open', params: SlugParams, body: SettleBody, response: { 200: MentionsBody, ...errors } } },
      async (request) => {
        const items = await settleMention({ articleSlug: request.params.slug, surface: request.body.surface, ref: request.body.ref }, { db, clock: ctx.clock, index: await ctx.names.get() });
        return { items };
      },
    );
  };
}
