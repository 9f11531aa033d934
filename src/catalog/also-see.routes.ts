// Staff API for the "Also see" box: read it with its overrides, and pin, reorder or hide entries.
import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { requireStaff } from '../web/staff-guard.js';
import { ALSO_SEE_ACTIONS, type AlsoSeeAction } from './also-see.table.js';
import { clearAlsoSeeOverrides, getAlsoSeeForEditor, MAX_ALSO_SEE_OVERRIDES, setAlsoSeeOverrides, type AlsoSeeItem } from './also-see.service.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' });
// An enum rather than a union of literals: ajv then says "must be equal to one of the allowed
// values" once, instead of one line per literal.
const Action = Type.Unsafe<AlsoSeeAction>({ type: 'string', enum: [...ALSO_SEE_ACTIONS], description: 'pin: show first, in list order; hide: never show' });

const OverrideIn = Type.Object({
  person: Slug,
  drama: Slug,
  action: Action,
}, { additionalProperties: false });
const PutBody = Type.Object(
  {
    overrides: Type.Array(OverrideIn, {
      maxItems: MAX_ALSO_SEE_OVERRIDES,
      description: 'Every decision for this story; pins in the order they appear in the box. An empty list clears them.',
    }),
  },
  { additionalProperties: false },
);

const Entry = Type.Object({
  drama: Type.Object({ slug: Type.String(), title: Type.String(), year: Type.Union([Type.Integer(), Type.Null()]), url: Type.String() }),
  people: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), character: Type.String(), billing: Type.String() })),
  pinned: Type.Boolean(),
  watch: Type.Union([Type.Object({ platform: Type.String(), url: Type.String() }), Type.Null()]),
});
const Override = Type.Object({ person: Type.String(), personName: Type.String(), drama: Type.String(), dramaTitle: Type.String(), action: Action, position: Type.Integer() });
const AlsoSeeBody = Type.Object({ entries: Type.Array(Entry), overrides: Type.Array(Override) });

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export function alsoSeeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = ctx.db.kysely;
    // onRequest, not preHandler: a stranger gets 401 before the body is even parsed or validated.
    const staffOnly = requireStaff(ctx.adminToken);
    const toBody = (data: { entries: AlsoSeeItem[]; overrides: Static<typeof Override>[] }): Static<typeof AlsoSeeBody> => ({
      entries: data.entries.map((e) => ({
        drama: { slug: e.drama.dramaSlug, title: e.drama.dramaTitle, year: e.drama.year, url: `${ctx.site.publicUrl}/dramas/${e.drama.dramaSlug}` },
        people: e.people.map((p) => ({ slug: p.slug, name: p.name, character: p.character, billing: p.billing })),
        pinned: e.pinned,
        watch: e.watch,
      })),
      overrides: data.overrides,
    });

    app.get(
      '/api/v1/articles/:slug/also-see',
      { onRequest: staffOnly, schema: { tags: ['articles'], summary: 'Staff: the "Also see" box of a story, with its pins and hides', params: SlugParams, response: { 200: AlsoSeeBody, ...errors } } },
      async (request) => toBody(await getAlsoSeeForEditor({ articleSlug: request.params.slug }, { db })),
    );

    app.put(
      '/api/v1/articles/:slug/also-see',
      { onRequest: staffOnly, schema: { tags: ['articles'], summary: 'Staff: pin, reorder or hide entries of the "Also see" box', params: SlugParams, body: PutBody, response: { 200: AlsoSeeBody, ...errors } } },
      async (request) => toBody(await setAlsoSeeOverrides({ articleSlug: request.params.slug, overrides: request.body.overrides }, { db, clock: ctx.clock })),
    );

    app.delete(
      '/api/v1/articles/:slug/also-see',
      { onRequest: staffOnly, schema: { tags: ['articles'], summary: 'Staff: drop every pin and hide; the box is computed from the graph alone', params: SlugParams, response: { 200: AlsoSeeBody, ...errors } } },
      async (request) => toBody(await clearAlsoSeeOverrides({ articleSlug: request.params.slug }, { db, clock: ctx.clock })),
    );
  };
}
