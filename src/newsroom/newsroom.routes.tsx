// The newsroom's pages other than the editor: dashboard, story list, staff, people. One guard
// (newsroomGuard, from the permission table) checks every route of this folder.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { AppContext } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { renderPage } from '../web/layout.js';
import { createStaffUser } from './auth/accounts.service.js';
import { newsroomGuard } from './auth/session.js';
import { loadDashboard } from './dashboard.service.js';
import { listStoriesForNewsroom } from './articles/editor.repository.js';
import { mergePeople, updatePerson } from './kb/people.service.js';
import { can } from './permissions.js';
import { NewsroomShell } from './views/shell.js';
import { DashboardView, PeopleView, PersonView, StaffView, StoryListView } from './views/pages.js';

const Status = Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('published')]);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Csrf = { _csrf: Type.Optional(Type.String({ maxLength: 100 })) };

export function newsroomRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preValidation', newsroomGuard);
    const send = (request: FastifyRequest, reply: FastifyReply, title: string, path: string, current: string, body: JSX.Element, code = 200) =>
      reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(ctx.site, { title, path, noindex: true }, <NewsroomShell user={request.staff!} current={current}>{body}</NewsroomShell>));
    const kbDeps = (request: FastifyRequest) => ({ db: ctx.db.kysely, clock: ctx.clock, user: request.staff! });

    app.get('/newsroom', { config: { permission: 'newsroom.view' }, schema: { hide: true } }, async (request, reply) =>
      send(request, reply, 'Newsroom', '/newsroom', '/newsroom', <DashboardView user={request.staff!} d={await loadDashboard({ db: ctx.db.kysely, now: ctx.clock() })} />),
    );

    app.get('/newsroom/articles', { config: { permission: 'articles.view' }, schema: { hide: true, querystring: Type.Object({ status: Type.Optional(Status) }) } }, async (request, reply) => {
      const user = request.staff!;
      // Writers see the stories they started; editors see every story.
      const rows = await listStoriesForNewsroom(ctx.db.kysely, { status: request.query.status, ownerId: can(user.role, 'articles.edit.any') ? undefined : user.id, limit: 200 });
      return send(request, reply, 'Stories', '/newsroom/articles', '/newsroom/articles', <StoryListView user={user} rows={rows} status={request.query.status} />);
    });

    const staffPage = async (request: FastifyRequest, reply: FastifyReply, created?: { email: string; password: string }) => {
      const rows = await ctx.db.kysely.selectFrom('staff_users').select(['id', 'email', 'name', 'role']).orderBy('email').execute();
      return send(request, reply, 'Staff', '/newsroom/staff', '/newsroom/staff', <StaffView user={request.staff!} rows={rows} created={created} />);
    };
    app.get('/newsroom/staff', { config: { permission: 'staff.manage' }, schema: { hide: true } }, async (request, reply) => staffPage(request, reply));
    app.post(
      '/newsroom/staff',
      { config: { permission: 'staff.manage' }, schema: { hide: true, body: Type.Object({ email: Type.String({ maxLength: 200 }), name: Type.String({ maxLength: 100, default: '' }), role: Type.String({ maxLength: 20 }), ...Csrf }) } },
      async (request, reply) => {
        const created = await createStaffUser({ email: request.body.email, name: request.body.name, role: request.body.role }, { db: ctx.db.kysely, clock: ctx.clock });
        return staffPage(request, reply, created);
      },
    );

    app.get('/newsroom/people', { config: { permission: 'kb.edit' }, schema: { hide: true } }, async (request, reply) => {
      const rows = await ctx.db.kysely.selectFrom('people').select(['id', 'slug', 'display_name', 'hangul_name']).orderBy('display_name').limit(1000).execute();
      return send(request, reply, 'People', '/newsroom/people', '/newsroom/people', <PeopleView user={request.staff!} rows={rows} />);
    });
    app.get('/newsroom/people/:id', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const person = await ctx.db.kysely.selectFrom('people').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!person) throw new DomainError('No person has that id.', 404);
      const aliases = (await ctx.db.kysely.selectFrom('person_aliases').select('alias').where('person_id', '=', person.id).orderBy('alias').execute()).map((a) => a.alias);
      return send(request, reply, person.display_name, `/newsroom/people/${person.id}`, '/newsroom/people', <PersonView user={request.staff!} person={person} aliases={aliases} />);
    });
    app.post(
      '/newsroom/people/:id',
      { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, body: Type.Object({ displayName: Type.String({ maxLength: 200 }), hangulName: Type.String({ maxLength: 100, default: '' }), bio: Type.String({ maxLength: 5000, default: '' }), aliases: Type.String({ maxLength: 5000, default: '' }), ...Csrf }) } },
      async (request, reply) => {
        const b = request.body;
        await updatePerson({ id: request.params.id, edit: { displayName: b.displayName, hangulName: b.hangulName, bio: b.bio, aliases: b.aliases.split('\n') } }, kbDeps(request));
        ctx.names.invalidate();
        return reply.redirect(`/newsroom/people/${request.params.id}`, 303);
      },
    );
    app.post(
      '/newsroom/people/merge',
      { config: { permission: 'kb.edit' }, schema: { hide: true, body: Type.Object({ fromId: Type.Integer({ minimum: 1 }), intoId: Type.Integer({ minimum: 1 }), ...Csrf }) } },
      async (request, reply) => {
        await mergePeople({ fromId: request.body.fromId, intoId: request.body.intoId }, kbDeps(request));
        ctx.names.invalidate();
        return reply.redirect(`/newsroom/people/${request.body.intoId}`, 303);
      },
    );
  };
}
