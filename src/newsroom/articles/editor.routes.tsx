// The article editor: /newsroom/articles/new and /newsroom/articles/:id, the preview endpoint,
// revisions with a diff view and restore. One guard (newsroomGuard) checks every route.
import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { lintKbFor } from '../../editorial/lint.service.js';
import { lintText } from '../../editorial/engine.js';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../lib/errors.js';
import { renderPage } from '../../web/layout.js';
import { trustHtml } from '../../web/raw.js';
import { renderStoryMarkdown } from '../../articles/markdown.js';
import { loadScheduleBySlug } from '../../schedule/schedule.service.js';
import { isValidTimeZone } from '../../schedule/schedule.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { ForbiddenError, newsroomGuard } from '../auth/session.js';
import { canEditArticle } from '../permissions.js';
import { NewsroomShell } from '../views/shell.js';
import { EditorView, type EditorProps } from '../views/editor.js';
import { RevisionsView, DiffView } from '../views/revisions.js';
import { findStoryForEditor, listLogOf, listRevisions } from './editor.repository.js';
import { EDITOR_ACTIONS, restoreRevision, saveStory, snapshotOf, suggestEntities, type ArticleSnapshot } from './editor.service.js';

const EditorBody = Type.Object({
  headline: Type.String({ maxLength: 300 }),
  dek: Type.String({ maxLength: 500, default: '' }),
  kind: Type.String({ maxLength: 20, default: 'news' }),
  slug: Type.String({ maxLength: 200, default: '' }),
  body: Type.String({ maxLength: 200_000, default: '' }),
  leadImageUrl: Type.String({ maxLength: 1000, default: '' }),
  leadImageAlt: Type.String({ maxLength: 300, default: '' }),
  tags: Type.String({ maxLength: 1000, default: '' }),
  entities: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500, default: [] }),
  action: Type.Union(EDITOR_ACTIONS.map((a) => Type.Literal(a)), { default: 'save' }),
  publishLocal: Type.String({ maxLength: 40, default: '' }),
  publishZone: Type.String({ maxLength: 64, default: 'Asia/Seoul' }),
  airDrama: Type.String({ maxLength: 200, default: '' }),
  _csrf: Type.Optional(Type.String({ maxLength: 100 })),
  /** "1" when the editor chose to publish although the linter found errors. */
  lintConfirmed: Type.Optional(Type.String({ maxLength: 1 })),
});
type EditorBodyT = Static<typeof EditorBody>;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

// The body textarea carries data-lint, so the linter island (src/editorial/) checks it as it is typed.
const lintAvailable = true;
const DEFAULT_EDITOR_ZONE = 'Asia/Seoul';
const ZONES = ['Asia/Seoul', 'UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Manila', 'Asia/Jakarta', 'Australia/Sydney'];

const snapshotFrom = (b: EditorBodyT): ArticleSnapshot => ({
  headline: b.headline,
  dek: b.dek,
  kind: b.kind as ArticleSnapshot['kind'],
  slug: b.slug,
  body: b.body.replace(/\r\n/g, '\n'),
  leadImageUrl: b.leadImageUrl,
  leadImageAlt: b.leadImageAlt,
  tags: b.tags.split(',').map((t) => t.trim()).filter(Boolean),
  entities: b.entities,
});

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

export function editorRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preValidation', newsroomGuard);
    const user = (request: FastifyRequest): StaffPrincipal => request.staff!;
    const deps = async (request: FastifyRequest) => ({ db: ctx.db.kysely, clock: ctx.clock, names: await ctx.names.get(), user: user(request) });

    async function airDramas() {
      const rows = await ctx.db.kysely.selectFrom('dramas').select(['slug', 'title']).where((eb) => eb.exists(eb.selectFrom('schedule_slots').select('schedule_slots.id').whereRef('schedule_slots.drama_id', '=', 'dramas.id'))).orderBy('title').execute();
      return rows;
    }

    async function page(reply: FastifyReply, request: FastifyRequest, props: { id?: number; snapshot: ArticleSnapshot; status: string; publishedAt: string | null; error?: string; saved?: boolean; schedule?: EditorProps['schedule'] }, code = 200) {
      const suggestions = suggestEntities(await ctx.names.get(), props.snapshot);
      // A scheduled story's time is shown for what it is, in the default zone (the island moves it to the browser's).
      if (!props.schedule && props.status === 'scheduled' && props.publishedAt) {
        props = { ...props, schedule: { local: DateTime.fromISO(props.publishedAt).setZone(DEFAULT_EDITOR_ZONE).toFormat("yyyy-MM-dd'T'HH:mm"), zone: DEFAULT_EDITOR_ZONE, airDrama: '', instant: props.publishedAt } };
      }
      const html = renderPage(
        ctx.site,
        { title: props.id ? 'Edit story' : 'New story', path: props.id ? `/newsroom/articles/${props.id}` : '/newsroom/articles/new', noindex: true },
        <NewsroomShell user={user(request)} current={props.id ? '/newsroom/articles' : '/newsroom/articles/new'}>
          <EditorView user={user(request)} {...props} suggestions={suggestions} airDramas={await airDramas()} zones={ZONES} lintAvailable={lintAvailable} />
        </NewsroomShell>,
      );
      return reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    }

    /** The instant a schedule form means: the next air time of a drama, or a local time in a zone. */
    async function publishAtFrom(b: EditorBodyT): Promise<string | undefined> {
      if (b.action !== 'schedule') return undefined;
      if (b.airDrama) {
        const summary = await loadScheduleBySlug({ db: ctx.db.kysely, now: ctx.clock() }, b.airDrama);
        if (!summary?.next) throw new DomainError('That drama has no upcoming episode to publish with.', 400, 'airDrama');
        return summary.next.startsAt;
      }
      if (!isValidTimeZone(b.publishZone)) throw new DomainError('Choose a known time zone.', 400, 'publishZone');
      const at = DateTime.fromISO(b.publishLocal, { zone: b.publishZone });
      if (!b.publishLocal || !at.isValid) throw new DomainError('Choose a date and time to publish at.', 400, 'publishLocal');
      const now = DateTime.fromJSDate(ctx.clock()).setZone(b.publishZone);
      if (at <= now) {
        throw new DomainError(`${at.toFormat('d LLL yyyy, HH:mm')} in ${b.publishZone} has already passed (it is ${now.toFormat('d LLL yyyy, HH:mm')} there now). Choose a later time, or publish now.`, 400, 'publishLocal');
      }
      return at.toUTC().toISO()!;
    }

    /**
     * A story with open linter errors is published only when the editor confirms it: the island
     * asks before the form is sent, and without JavaScript the server refuses once and shows the
     * errors with a "Publish anyway" box.
     */
    async function assertLintConfirmed(b: EditorBodyT, snapshot: ArticleSnapshot): Promise<void> {
      if ((b.action !== 'publish' && b.action !== 'schedule') || b.lintConfirmed === '1') return;
      const kb = await lintKbFor({ db: ctx.db.kysely, names: ctx.names });
      const errors = lintText(`${snapshot.headline}\n\n${snapshot.body}`, kb).filter((f) => f.severity === 'error');
      if (errors.length === 0) return;
      const first = errors[0]!;
      throw new DomainError(
        `The editorial linter found ${errors.length} error${errors.length === 1 ? '' : 's'} (first: "${first.text}": ${first.message}). Fix ${errors.length === 1 ? 'it' : 'them'}, or tick "Publish even with linter errors" and publish again.`,
        422,
        'lintConfirmed',
      );
    }

    async function save(request: FastifyRequest, reply: FastifyReply, id: number | undefined, b: EditorBodyT) {
      const snapshot = snapshotFrom(b);
      try {
        await assertLintConfirmed(b, snapshot);
        const saved = await saveStory({ id, snapshot, action: b.action, publishAt: await publishAtFrom(b) }, await deps(request));
        if (wantsJson(request)) return reply.send({ ...saved, url: `/newsroom/articles/${saved.id}`, suggestions: suggestEntities(await ctx.names.get(), snapshot) });
        return reply.redirect(`/newsroom/articles/${saved.id}?saved=1`, 303);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        if (wantsJson(request)) return reply.code(err.statusCode).send({ statusCode: err.statusCode, error: 'Not saved', message: err.message });
        // Nothing typed is lost: the form comes back with the writer's text and the reason.
        const before = id ? await findStoryForEditor(ctx.db.kysely, id) : undefined;
        const schedule = b.action === 'schedule' ? { local: b.publishLocal, zone: b.publishZone, airDrama: b.airDrama } : undefined;
        return page(reply, request, { ...(id ? { id } : {}), snapshot, status: before?.status ?? 'draft', publishedAt: before?.published_at ?? null, error: err.message, ...(schedule ? { schedule } : {}) }, err.statusCode);
      }
    }

    async function loadEditable(request: FastifyRequest, id: number) {
      const story = await findStoryForEditor(ctx.db.kysely, id);
      if (!story) throw new DomainError('No story has that id.', 404);
      if (!canEditArticle(user(request), { ownerId: story.owner_id, status: story.status })) throw new ForbiddenError('Writers open only their own drafts.');
      return story;
    }

    app.get('/newsroom/articles/new', { config: { permission: 'articles.create' }, schema: { hide: true } }, async (request, reply) =>
      page(reply, request, { snapshot: { headline: '', dek: '', kind: 'news', slug: '', body: '', leadImageUrl: '', leadImageAlt: '', tags: [], entities: [] }, status: 'draft', publishedAt: null }),
    );
    app.post('/newsroom/articles', { config: { permission: 'articles.create' }, schema: { hide: true, body: EditorBody } }, async (request, reply) => save(request, reply, undefined, request.body));

    app.get('/newsroom/articles/:id', { config: { permission: 'articles.view' }, schema: { hide: true, params: IdParams, querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (request, reply) => {
      const story = await loadEditable(request, request.params.id);
      return page(reply, request, { id: story.id, snapshot: snapshotOf(story), status: story.status, publishedAt: story.published_at, saved: request.query.saved === '1' });
    });
    app.post('/newsroom/articles/:id', { config: { permission: 'articles.create' }, schema: { hide: true, params: IdParams, body: EditorBody } }, async (request, reply) => save(request, reply, request.params.id, request.body));

    app.post(
      '/newsroom/api/preview',
      { config: { permission: 'articles.create' }, schema: { hide: true, body: Type.Object({ headline: Type.String({ maxLength: 300, default: '' }), dek: Type.String({ maxLength: 500, default: '' }), body: Type.String({ maxLength: 200_000 }), entities: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500, default: [] }) }) } },
      async (request) => {
        const index = await ctx.names.get();
        const story = { headline: request.body.headline, dek: request.body.dek, body: request.body.body };
        // Sanitized by renderStoryMarkdown (markdown-it without raw HTML, then an allowlist).
        const html = trustHtml(renderStoryMarkdown(story.body, { index, linked: new Set(request.body.entities) })).__trusted;
        return { html, suggestions: suggestEntities(index, story).map((e) => ({ ref: `${e.type}:${e.id}`, name: e.name, type: e.type })) };
      },
    );

    app.get('/newsroom/articles/:id/revisions', { config: { permission: 'articles.view' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const story = await loadEditable(request, request.params.id);
      const [revisions, log] = await Promise.all([listRevisions(ctx.db.kysely, story.id), listLogOf(ctx.db.kysely, 'article', story.id)]);
      const html = renderPage(ctx.site, { title: 'Revisions', path: `/newsroom/articles/${story.id}/revisions`, noindex: true },
        <NewsroomShell user={user(request)} current="/newsroom/articles"><RevisionsView user={user(request)} story={story} revisions={revisions} log={log} /></NewsroomShell>);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    });

    const RevParams = Type.Object({ id: Type.Integer({ minimum: 1 }), rev: Type.Integer({ minimum: 1 }) });
    app.get('/newsroom/articles/:id/revisions/:rev', { config: { permission: 'articles.view' }, schema: { hide: true, params: RevParams } }, async (request, reply) => {
      const story = await loadEditable(request, request.params.id);
      const rev = (await listRevisions(ctx.db.kysely, story.id)).find((r) => r.id === request.params.rev);
      if (!rev) throw new DomainError('No such revision of this story.', 404);
      const html = renderPage(ctx.site, { title: 'Revision', path: `/newsroom/articles/${story.id}/revisions/${rev.id}`, noindex: true },
        <NewsroomShell user={user(request)} current="/newsroom/articles"><DiffView user={user(request)} story={story} revision={rev} current={snapshotOf(story)} /></NewsroomShell>);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    });
    app.post('/newsroom/articles/:id/revisions/:rev/restore', { config: { permission: 'articles.create' }, schema: { hide: true, params: RevParams } }, async (request, reply) => {
      const saved = await restoreRevision({ articleId: request.params.id, revisionId: request.params.rev }, await deps(request));
      return reply.redirect(`/newsroom/articles/${saved.id}?saved=1`, 303);
    });
  };
}
