// Staff-only moderation: a JSON API and the page /moderation/comments, behind requireStaff
// (the admin token) until the newsroom has accounts.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { renderPage } from '../web/layout.js';
import { requireStaff } from '../web/staff-guard.js';
import { COMMENT_STATUSES } from './comments.table.js';
import { changeDiscussionSettings, countByStatus, listQueue, moderateComments, MODERATION_ACTIONS, type Queue } from './moderation.service.js';
import { requireSameOrigin } from '../web/same-origin.js';
import { loadCommentSettings } from './settings.js';
import { formValuesOf, parseSettingsForm, SETTING_FIELDS } from './settings.form.js';
import { SettingsView } from './views/settings.js';
import { ModerationView } from './views/moderation.js';

const QueueT = Type.Union([...COMMENT_STATUSES.map((s) => Type.Literal(s)), Type.Literal('reported')]);
const ActionT = Type.Union(MODERATION_ACTIONS.map((a) => Type.Literal(a)));
const Counts = Type.Object({ pending: Type.Integer(), approved: Type.Integer(), spam: Type.Integer(), trash: Type.Integer(), reported: Type.Integer() });
const QueueItem = Type.Object({
  id: Type.Integer(),
  articleSlug: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  authorName: Type.String(),
  authorEmail: Type.Union([Type.String(), Type.Null()], { description: 'Staff only' }),
  authorUrl: Type.Union([Type.String(), Type.Null()]),
  authorIp: Type.Union([Type.String(), Type.Null()], { description: 'Staff only' }),
  body: Type.String(),
  status: Type.String(),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  editorPick: Type.Boolean(),
  staff: Type.Boolean(),
  createdAt: Type.String(),
  reports: Type.Array(Type.Object({ reason: Type.String(), note: Type.String() })),
});
const SettingsT = Type.Partial(
  Type.Object({
    holdFirstComment: Type.Boolean(),
    holdAtLinks: Type.Integer({ minimum: 0, maximum: 100 }),
    moderationWords: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
    disallowedWords: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
    urlBlocklist: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 }),
    closeAfterDays: Type.Integer({ minimum: 0, maximum: 36500 }),
    threadDepth: Type.Integer({ minimum: 1, maximum: 10 }),
    perPage: Type.Integer({ minimum: 1, maximum: 500 }),
    minSecondsToSubmit: Type.Number({ minimum: 0, maximum: 3600 }),
    rateWindowSeconds: Type.Integer({ minimum: 1, maximum: 86400 }),
    maxPerIpPerWindow: Type.Integer({ minimum: 1, maximum: 100000 }),
    maxPerEmailPerWindow: Type.Integer({ minimum: 1, maximum: 100000 }),
    minLength: Type.Integer({ minimum: 1, maximum: 1000 }),
    maxLength: Type.Integer({ minimum: 1, maximum: 65000 }),
    maxNameLength: Type.Integer({ minimum: 1, maximum: 245 }),
  }),
  { additionalProperties: false },
);
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function moderationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = ctx.db.kysely;
    const staffOnly = requireStaff(ctx.adminToken);
    const sameOrigin = requireSameOrigin(ctx.site.publicUrl);
    const deps = { db, clock: ctx.clock };
    const toItem = (r: Awaited<ReturnType<typeof listQueue>>[number]) => ({
      id: r.id,
      articleSlug: r.article_slug,
      parentId: r.parent_id,
      authorName: r.author_name,
      authorEmail: r.author_email,
      authorUrl: r.author_url,
      authorIp: r.author_ip,
      body: r.body,
      status: r.status,
      statusReason: r.status_reason,
      editorPick: r.editor_pick === 1,
      staff: r.is_staff === 1,
      createdAt: r.created_at,
      reports: r.reports,
    });

    app.get(
      '/api/v1/moderation/comments',
      {
        onRequest: staffOnly,
        schema: {
          tags: ['moderation'],
          summary: 'Staff: a moderation queue (pending, reported, approved, spam, trash) and the counts by status',
          querystring: Type.Object({ queue: QueueT, limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), offset: Type.Integer({ minimum: 0, default: 0 }) }),
          response: { 200: Type.Object({ counts: Counts, items: Type.Array(QueueItem) }), ...errors },
        },
      },
      async (request, reply) => {
        const [counts, rows] = await Promise.all([countByStatus(db), listQueue(db, { queue: request.query.queue as Queue, limit: request.query.limit, offset: request.query.offset })]);
        reply.header('cache-control', 'no-store');
        return { counts, items: rows.map(toItem) };
      },
    );

    app.post(
      '/api/v1/moderation/comments/actions',
      {
        onRequest: [staffOnly, sameOrigin],
        schema: {
          tags: ['moderation'],
          summary: 'Staff: approve, unapprove, spam, trash, restore, edit, pick or unpick one or more comments (logged)',
          body: Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }), action: ActionT, body: Type.Optional(Type.String({ maxLength: 70_000 })), reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
          response: { 200: Type.Object({ changed: Type.Array(Type.Integer()), counts: Counts }), ...errors },
        },
      },
      async (request) => {
        const { changed } = await moderateComments(request.body, deps);
        return { changed, counts: await countByStatus(db) };
      },
    );

    app.get('/api/v1/moderation/comments/settings', { onRequest: staffOnly, schema: { tags: ['moderation'], summary: 'Staff: discussion settings', response: { 200: SettingsT, ...errors } } }, async () => loadCommentSettings(db));
    app.put(
      '/api/v1/moderation/comments/settings',
      { onRequest: [staffOnly, sameOrigin], schema: { tags: ['moderation'], summary: 'Staff: change discussion settings (others keep their value)', body: SettingsT, response: { 200: SettingsT, ...errors } } },
      async (request) => changeDiscussionSettings(request.body, deps),
    );

    // The page: queues with counts, one form per comment and a bulk form, all plain POSTs.
    app.get('/moderation/comments', { onRequest: staffOnly, schema: { hide: true, querystring: Type.Object({ queue: Type.Optional(QueueT), done: Type.Optional(Type.String({ maxLength: 100 })) }) } }, async (request, reply) => {
      const queue = (request.query.queue ?? 'pending') as Queue;
      const [counts, rows] = await Promise.all([countByStatus(db), listQueue(db, { queue, limit: 100, offset: 0 })]);
      const html = renderPage(ctx.site, { title: 'Moderation: comments', path: '/moderation/comments', noindex: true }, <ModerationView queue={queue} counts={counts} items={rows} done={request.query.done} csrf={request.staff?.csrfToken} />);
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    });

    app.post(
      '/moderation/comments',
      {
        onRequest: [staffOnly, sameOrigin],
        schema: { hide: true, body: Type.Object({ action: ActionT, ids: Type.Union([Type.Array(Type.Integer({ minimum: 1 })), Type.Integer({ minimum: 1 })]), queue: Type.Optional(QueueT), body: Type.Optional(Type.String({ maxLength: 70_000 })) }) },
      },
      async (request, reply) => {
        const ids = Array.isArray(request.body.ids) ? request.body.ids : [request.body.ids];
        const { changed } = await moderateComments({ ids, action: request.body.action, body: request.body.body }, deps);
        return reply.redirect(`/moderation/comments?queue=${request.body.queue ?? 'pending'}&done=${request.body.action}-${changed.length}`, 303);
      },
    );

    // The settings page: one form, every field checked at once; nothing is saved unless all are valid.
    const settingsPage = (values: ReturnType<typeof formValuesOf>, errors: Record<string, string>, saved: boolean, csrf?: string) =>
      renderPage(ctx.site, { title: 'Discussion settings', path: '/moderation/comments/settings', noindex: true }, <SettingsView values={values} errors={errors} saved={saved} csrf={csrf} />);
    app.get('/moderation/comments/settings', { onRequest: staffOnly, schema: { hide: true, querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) }) } }, async (request, reply) => {
      const html = settingsPage(formValuesOf(await loadCommentSettings(db)), {}, request.query.saved === '1', request.staff?.csrfToken);
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    });
    app.post(
      '/moderation/comments/settings',
      { onRequest: [staffOnly, sameOrigin], schema: { hide: true, body: Type.Object(Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, Type.Optional(Type.String({ maxLength: 200_000 }))]))) } },
      async (request, reply) => {
        const parsed = parseSettingsForm(request.body as Record<string, unknown>);
        if (!parsed.settings) {
          return reply.code(422).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(settingsPage(parsed.values, parsed.errors as Record<string, string>, false, request.staff?.csrfToken));
        }
        await changeDiscussionSettings(parsed.settings, deps);
        return reply.redirect('/moderation/comments/settings?saved=1', 303);
      },
    );
  };
}
