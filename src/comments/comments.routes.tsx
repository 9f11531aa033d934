import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { renderPage } from '../web/layout.js';
import { isStaff } from '../web/staff-guard.js';
import { countApprovedByArticle, countVisibleTopLevel, findCommentableArticle, listThreadPage, positionOfTopLevel, rootOf, type PublicComment } from './comments.repository.js';
import { postComment, type CommentInput, type PostResult } from './comments.service.js';
import { positionOfTopLevelSync, rootOfSync, usableSqlite } from './comments.sqlite.js';
import { formatCommentBody } from './format.js';
import { identiconSvg } from './identicon.js';
import { COMMENTER_COOKIE, formToken, ownCommentIds, rememberOwnComment, renderedAtOf } from './comments.page.js';
import { requireSameOrigin } from '../web/same-origin.js';
import { cachedCommentSettings, loadCommentSettings } from './settings.js';
import { CommentForm, HONEYPOT_FIELD } from './views/comment-form.js';
import { CommentItem } from './views/comment-section.js';
import { ReportPage } from './views/report-page.js';
import { renderToString } from 'preact-render-to-string';
import { reportComment } from './moderation.service.js';
import { REPORT_REASONS } from './comments.table.js';
import { ErrorBody } from '../articles/articles.routes.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const Str = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const FormBody = Type.Object({
  comment: Str(70_000),
  author: Str(500),
  email: Str(500),
  url: Str(500),
  remember: Str(10),
  parent: Str(12),
  ts: Str(200),
  [HONEYPOT_FIELD]: Str(500),
});
const ApiPost = Type.Object(
  {
    body: Type.String({ maxLength: 70_000, description: 'Plain text; **bold**, *italic*, > quote, `code`, URLs autolinked' }),
    authorName: Type.String({ maxLength: 500 }),
    authorEmail: Type.String({ maxLength: 500, description: 'Stored for moderation only; never published' }),
    authorUrl: Type.Optional(Type.String({ maxLength: 500 })),
    parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    formToken: Type.String({ maxLength: 200, description: 'The formToken of GET .../comments (or the form), proving when the form was shown' }),
    [HONEYPOT_FIELD]: Type.Optional(Type.String({ maxLength: 500, description: 'Leave empty' })),
  },
  { additionalProperties: false },
);
const CommentOut = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  depth: Type.Integer(),
  author: Type.Object({ name: Type.String(), url: Type.Union([Type.String(), Type.Null()]), avatarSvg: Type.String(), staff: Type.Boolean() }),
  body: Type.String({ description: 'As typed (plain text)' }),
  bodyHtml: Type.String({ description: 'Formatted, safe HTML' }),
  status: Type.String(),
  editorPick: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  url: Type.String(),
  replies: Type.Array(Type.Unknown(), { description: 'Replies, same shape' }),
});
const ListOut = Type.Object({ items: Type.Array(CommentOut), page: Type.Integer(), pages: Type.Integer(), total: Type.Integer({ description: 'Approved comments on the story' }), formToken: Type.String() });
const PostOut = Type.Object({ id: Type.Integer(), status: Type.String(), message: Type.String(), anchor: Type.String({ description: 'Path and anchor of the comment in the thread' }), comment: Type.Optional(CommentOut), html: Type.Optional(Type.String({ description: 'The comment as rendered in the thread' })) });
const FieldErrorsOut = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String(), fieldErrors: Type.Record(Type.String(), Type.String()) });

type CommentJson = Static<typeof CommentOut>;

export function commentsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = ctx.db.kysely;
    // Derived from the cookie secret by HMAC, so avatars are keyed without a second secret to manage.
    const avatarSecret = app.signCookie('onset:comment-avatars').split('.').pop()!;
    const sameOrigin = requireSameOrigin(ctx.site.publicUrl);

    const toJson = (c: PublicComment, slug: string): CommentJson => ({
      id: c.id,
      parentId: c.parent_id,
      depth: c.depth,
      author: { name: c.author_name, url: c.author_url, avatarSvg: identiconSvg(c.avatar_key), staff: c.is_staff === 1 },
      body: c.body,
      bodyHtml: formatCommentBody(c.body),
      status: c.status,
      editorPick: c.editor_pick === 1,
      createdAt: c.created_at,
      url: `${ctx.site.publicUrl}/articles/${slug}#comment-${c.id}`,
      replies: [],
    });
    const nest = (flat: PublicComment[], slug: string): CommentJson[] => {
      const roots: CommentJson[] = [];
      const stack: CommentJson[] = [];
      for (const c of flat) {
        const node = toJson(c, slug);
        while (stack.length && stack[stack.length - 1]!.id !== c.parent_id) stack.pop();
        (stack.length ? (stack[stack.length - 1]!.replies as CommentJson[]) : roots).push(node);
        stack.push(node);
      }
      return roots;
    };

    async function post(request: FastifyRequest, slug: string, fields: Omit<CommentInput, 'articleSlug' | 'ip' | 'userAgent' | 'isStaff'>): Promise<PostResult> {
      return postComment(
        { ...fields, articleSlug: slug, ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null, isStaff: isStaff(request, ctx.adminToken) },
        { db, clock: ctx.clock, avatarSecret, sqlite: ctx.db.sqlite },
      );
    }

    /** Where a new comment is shown: its page of the thread and its anchor. */
    async function anchorOf(request: FastifyRequest, slug: string, articleId: number, comment: { id: number; parent_id: number | null }): Promise<string> {
      const settings = await cachedCommentSettings(db);
      // A reply sits in its parent's thread; a top-level comment is its own root.
      const raw = usableSqlite(ctx.db.sqlite);
      const root = comment.parent_id === null ? comment.id : raw ? rootOfSync(raw, comment.parent_id) : await rootOf(db, comment.parent_id);
      const position = raw ? positionOfTopLevelSync(raw, articleId, root, ownCommentIds(request)) : await positionOfTopLevel(db, articleId, root, ownCommentIds(request));
      const page = Math.max(1, Math.ceil(position / settings.perPage));
      return `/articles/${slug}${page > 1 ? `?cpage=${page}` : ''}#comment-${comment.id}`;
    }

    function remember(request: FastifyRequest, reply: FastifyReply, wanted: boolean, v: { author: string; email: string; url: string }) {
      if (wanted) reply.setCookie(COMMENTER_COOKIE, JSON.stringify({ n: v.author, e: v.email, u: v.url }), { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
      else if (request.cookies[COMMENTER_COOKIE]) reply.clearCookie(COMMENTER_COOKIE, { path: '/' });
    }

    // The form, without JavaScript: 303 to the new comment, or the form again with what went wrong.
    app.post('/articles/:slug/comments', { onRequest: sameOrigin, schema: { hide: true, params: SlugParams, body: FormBody } }, async (request, reply) => {
      const b = request.body;
      const values = { comment: b.comment ?? '', author: b.author ?? '', email: b.email ?? '', url: b.url ?? '', remember: b.remember === 'yes' };
      const parentId = b.parent && /^\d+$/.test(b.parent) && b.parent !== '0' ? Number(b.parent) : null;
      const result = await post(request, request.params.slug, {
        parentId,
        body: values.comment,
        authorName: values.author,
        authorEmail: values.email,
        authorUrl: values.url,
        honeypot: b[HONEYPOT_FIELD] ?? '',
        renderedAt: renderedAtOf(request, b.ts),
      });
      reply.header('cache-control', 'no-store');
      if (result.ok) {
        rememberOwnComment(request, reply, result.id);
        remember(request, reply, values.remember, values);
        return reply.code(303).redirect(await anchorOf(request, request.params.slug, result.articleId, result.comment), 303);
      }
      if (result.httpStatus === 404) return reply.callNotFound();
      const article = await findCommentableArticle(db, request.params.slug, ctx.clock().toISOString());
      const replyTo = parentId ? { id: parentId, name: 'the comment' } : undefined;
      const html = renderPage(
        ctx.site,
        { title: result.httpStatus === 429 ? 'Slow down a little' : 'Your comment', path: `/articles/${request.params.slug}`, noindex: true },
        <div class="comment-error-page">
          <p>
            <a href={`/articles/${request.params.slug}#comments`}>← Back to “{article?.headline ?? 'the story'}”</a>
          </p>
          <h1>{result.httpStatus === 429 ? 'Slow down a little' : 'Your comment was not posted yet'}</h1>
          <CommentForm articleSlug={request.params.slug} replyTo={replyTo} state={{ values, errors: result.fieldErrors, message: result.message }} formToken={b.ts ?? formToken(request, ctx.clock())} page={1} />
        </div>,
      );
      return reply.code(result.httpStatus).type('text/html; charset=utf-8').send(html);
    });

    app.get(
      '/api/v1/articles/:slug/comments',
      {
        schema: {
          tags: ['comments'],
          summary: "A story's approved comments, threaded, oldest first, paged by top-level comment",
          params: SlugParams,
          querystring: Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }) }),
          response: { 200: ListOut, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const article = await findCommentableArticle(db, request.params.slug, ctx.clock().toISOString());
        if (!article) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No published story has the slug "${request.params.slug}"` });
        const settings = await loadCommentSettings(db);
        const [top, counts] = await Promise.all([countVisibleTopLevel(db, article.id, []), countApprovedByArticle(db, [article.id])]);
        const pages = Math.max(1, Math.ceil(top / settings.perPage));
        const page = request.query.page;
        const flat = await listThreadPage(db, ctx.db.dialect, { articleId: article.id, limit: settings.perPage, offset: (page - 1) * settings.perPage, ownPendingIds: [] });
        return { items: nest(flat, article.slug), page, pages, total: counts.get(article.id) ?? 0, formToken: formToken(request, ctx.clock()) };
      },
    );

    app.post(
      '/api/v1/articles/:slug/comments',
      {
        onRequest: sameOrigin,
        schema: {
          tags: ['comments'],
          summary: 'Post a comment (same admission rules as the form): 201 published, 202 held for moderation',
          params: SlugParams,
          body: ApiPost,
          response: { 201: PostOut, 202: PostOut, 403: ErrorBody, 404: ErrorBody, 409: FieldErrorsOut, 422: FieldErrorsOut, 429: FieldErrorsOut },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const result = await post(request, request.params.slug, {
          parentId: b.parentId ?? null,
          body: b.body,
          authorName: b.authorName,
          authorEmail: b.authorEmail,
          authorUrl: b.authorUrl ?? '',
          honeypot: b[HONEYPOT_FIELD] ?? '',
          renderedAt: renderedAtOf(request, b.formToken),
        });
        reply.header('cache-control', 'no-store');
        if (!result.ok) {
          const error = { 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests' }[result.httpStatus];
          if (result.httpStatus === 403 || result.httpStatus === 404) return reply.code(result.httpStatus).send({ statusCode: result.httpStatus, error, message: result.message });
          return reply.code(result.httpStatus).send({ statusCode: result.httpStatus, error, message: result.message, fieldErrors: result.fieldErrors });
        }
        rememberOwnComment(request, reply, result.id);
        // Spam looks like "held" to its sender: a bot learns nothing from the answer.
        const shownStatus = result.status === 'spam' ? 'pending' : result.status;
        // The comment as stored, from the post itself (no re-read).
        const stored = result.status === 'spam' ? undefined : result.comment;
        const settings = await cachedCommentSettings(db);
        const anchor = await anchorOf(request, request.params.slug, result.articleId, result.comment);
        return reply.code(result.status === 'approved' ? 201 : 202).send({
          id: result.id,
          status: shownStatus,
          message: result.message,
          anchor,
          ...(stored ? { comment: toJson(stored, request.params.slug), html: renderToString(<CommentItem node={{ comment: stored, children: [] }} slug={request.params.slug} page={1} open threadDepth={settings.threadDepth} />) } : {}),
        });
      },
    );

    const ReportBody = Type.Object({ reason: Type.Union(REPORT_REASONS.map((r) => Type.Literal(r))), note: Type.Optional(Type.String({ maxLength: 500 })), back: Type.Optional(Type.String({ maxLength: 500 })) });
    const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

    // The report form of one comment (each comment in the thread links here; works without JavaScript).
    app.get('/comments/:id/report', { schema: { hide: true, params: IdParams, querystring: Type.Object({ cpage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }) } }, async (request, reply) => {
      const c = await db.selectFrom('comments').select(['id', 'article_id', 'author_name', 'body', 'status']).where('id', '=', request.params.id).executeTakeFirst();
      const article = c?.status === 'approved' ? await db.selectFrom('articles').select(['slug', 'headline']).where('id', '=', c.article_id).executeTakeFirst() : undefined;
      if (!c || !article) return reply.callNotFound();
      const cpage = request.query.cpage;
      const back = `/articles/${article.slug}${cpage && cpage > 1 ? `?cpage=${cpage}` : ''}#comment-${c.id}`;
      const html = renderPage(
        ctx.site,
        { title: 'Report a comment', path: back.split('#')[0]!, noindex: true },
        <ReportPage comment={c} articleHeadline={article.headline} back={back} />,
      );
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    });

    app.post('/comments/:id/report', { onRequest: sameOrigin, schema: { hide: true, params: IdParams, body: ReportBody } }, async (request, reply) => {
      await reportComment({ id: request.params.id, reason: request.body.reason, note: request.body.note ?? '' }, { db, clock: ctx.clock });
      const back = request.body.back && /^\/articles\/[a-z0-9-]+/.test(request.body.back) ? request.body.back : '/';
      const html = renderPage(
        ctx.site,
        { title: 'Thank you for your report', path: back.split('#')[0]!, noindex: true },
        <div class="error-page">
          <h1>Thank you for your report</h1>
          <p>A moderator will look at this comment soon.</p>
          <p>
            <a class="button" href={back}>
              Back to the story
            </a>
          </p>
        </div>,
      );
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    });

    app.post(
      '/api/v1/comments/:id/reports',
      { onRequest: sameOrigin, schema: { tags: ['comments'], summary: 'Report a comment to the moderators', params: IdParams, body: Type.Omit(ReportBody, ['back']), response: { 202: Type.Object({ message: Type.String() }), 404: ErrorBody } } },
      async (request, reply) => {
        await reportComment({ id: request.params.id, reason: request.body.reason, note: request.body.note ?? '' }, { db, clock: ctx.clock });
        return reply.code(202).send({ message: 'Thank you: a moderator will look at this comment soon.' });
      },
    );
  };
}
