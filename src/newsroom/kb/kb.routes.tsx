// Knowledge-base editing in the newsroom: dramas (facts, schedule, cast) and networks. The one
// newsroom guard checks every route against the permission table ('kb.edit'). A refused form is
// rendered again with what was typed and the per-field messages, with its 4xx status.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../lib/errors.js';
import { renderPage } from '../../web/layout.js';
import { newsroomGuard } from '../auth/session.js';
import { NewsroomShell } from '../views/shell.js';
import { DramaEditView, DramasView, NetworksView, type DramaPageProps, type Errors } from '../views/kb.js';
import { dramaFormOf, loadDramaRecord, saveDrama, type DramaForm, type KbDeps } from './dramas.service.js';
import { FieldErrors } from './kb.shared.js';
import { saveNetwork, type NetworkForm } from './networks.service.js';
import { deleteRole, saveRole, type RoleForm } from './roles.service.js';
import { loadScheduleRecord, saveDramaSchedule, scheduleFormOf, type ScheduleForm } from './schedule-edit.service.js';

const Csrf = { _csrf: Type.Optional(Type.String({ maxLength: 100 })) };
const Text = (maxLength: number) => Type.String({ maxLength, default: '' });
const DramaBody = Type.Object({
  title: Text(300), nativeTitle: Text(300), aliases: Text(5000), networkId: Text(20), year: Text(10), episodes: Text(10), runtimeMinutes: Text(10),
  genres: Text(1000), synopsis: Text(20_000), sourceTitle: Text(300), sourceType: Text(40), sourceCreator: Text(300), posterUrl: Text(1000),
  platforms: Text(10_000), firstAirDate: Text(20), lastAirDate: Text(20), ...Csrf,
});
const ScheduleBody = Type.Object({ slots: Text(2000), breaks: Text(20_000), specials: Text(20_000), ...Csrf });
const RoleBody = Type.Object({ personId: Text(20), characterName: Text(300), characterAliases: Text(5000), billing: Text(20), billingOrder: Text(10), ...Csrf });
const NetworkBody = Type.Object({ name: Text(200), timeZone: Text(100), country: Text(10), ...Csrf });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const RoleParams = Type.Object({ id: Type.Integer({ minimum: 1 }), roleId: Type.Integer({ minimum: 1 }) });
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 5 })) });

const strip = <T extends { _csrf?: string | undefined }>(b: T): Omit<T, '_csrf'> => {
  const { _csrf, ...rest } = b;
  void _csrf;
  return rest;
};
/** The per-field messages of a refused form, or undefined when the error is not a form's. */
const fieldErrorsOf = (err: unknown): Errors | undefined =>
  err instanceof FieldErrors ? err.errors : err instanceof DomainError && err.field && err.statusCode !== 404 ? { [err.field]: err.message } : undefined;

export function kbRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preValidation', newsroomGuard);
    const deps = (request: FastifyRequest): KbDeps => ({ db: ctx.db.kysely, clock: ctx.clock, user: request.staff!, names: ctx.names });
    const send = (request: FastifyRequest, reply: FastifyReply, title: string, path: string, current: string, body: JSX.Element, code = 200) =>
      reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(ctx.site, { title, path, noindex: true }, <NewsroomShell user={request.staff!} current={current}>{body}</NewsroomShell>));
    const networks = () => ctx.db.kysely.selectFrom('networks').select(['id', 'name', 'time_zone']).orderBy('name').execute();

    /** Everything the drama page shows, with any refused form's values and messages in place. */
    async function dramaPage(request: FastifyRequest, reply: FastifyReply, id: number, over: Partial<DramaPageProps> & { code?: number } = {}) {
      const record = await loadDramaRecord(ctx.db.kysely, id);
      if (!record) throw new DomainError('No drama has that id.', 404);
      const [nets, schedule, cast] = await Promise.all([networks(), loadScheduleRecord({ db: ctx.db.kysely }, id), castOf(id)]);
      const zone = nets.find((n) => n.id === record.network_id)?.time_zone ?? 'Asia/Seoul';
      const { code = 200, ...rest } = over;
      const props: DramaPageProps = {
        user: request.staff!, id, slug: record.slug, form: dramaFormOf(record), networks: nets,
        schedule: { form: scheduleFormOf(schedule), zone },
        roles: cast,
        ...rest,
      };
      return send(request, reply, record.title, `/newsroom/dramas/${id}`, '/newsroom/dramas', <DramaEditView {...props} />, code);
    }

    app.get('/newsroom/dramas', { config: { permission: 'kb.edit' }, schema: { hide: true } }, async (request, reply) => {
      const rows = await ctx.db.kysely.selectFrom('dramas').leftJoin('networks', 'networks.id', 'dramas.network_id').select(['dramas.id', 'dramas.slug', 'dramas.title', 'dramas.year', 'networks.name as network']).orderBy('dramas.title').limit(2000).execute();
      return send(request, reply, 'Dramas', '/newsroom/dramas', '/newsroom/dramas', <DramasView rows={rows} />);
    });
    const emptyDrama: DramaForm = { title: '', nativeTitle: '', aliases: '', networkId: '', year: '', episodes: '', runtimeMinutes: '', genres: '', synopsis: '', sourceTitle: '', sourceType: '', sourceCreator: '', posterUrl: '', platforms: '', firstAirDate: '', lastAirDate: '' };
    app.get('/newsroom/dramas/new', { config: { permission: 'kb.edit' }, schema: { hide: true } }, async (request, reply) =>
      send(request, reply, 'New drama', '/newsroom/dramas/new', '/newsroom/dramas', <DramaEditView user={request.staff!} form={emptyDrama} networks={await networks()} />),
    );
    app.post('/newsroom/dramas', { config: { permission: 'kb.edit' }, schema: { hide: true, body: DramaBody } }, async (request, reply) => {
      const form = strip(request.body);
      try {
        const saved = await saveDrama({ form }, deps(request));
        return reply.redirect(`/newsroom/dramas/${saved.id}?saved=1`, 303);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (!errors) throw err;
        return send(request, reply, 'New drama', '/newsroom/dramas/new', '/newsroom/dramas', <DramaEditView user={request.staff!} form={form} networks={await networks()} errors={errors} error={(err as Error).message} />, (err as DomainError).statusCode);
      }
    });
    app.get('/newsroom/dramas/:id', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, querystring: SavedQuery } }, async (request, reply) =>
      dramaPage(request, reply, request.params.id, { saved: request.query.saved === '1' }),
    );

    /** Runs a drama write; on a refused form, the drama page again with the form's messages. */
    async function dramaWrite(request: FastifyRequest, reply: FastifyReply, id: number, anchor: string, write: () => Promise<unknown>, onError: (errors: Errors) => Partial<DramaPageProps>) {
      try {
        await write();
        return reply.redirect(`/newsroom/dramas/${id}?saved=1#${anchor}`, 303);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (!errors) throw err;
        return dramaPage(request, reply, id, { ...onError(errors), error: (err as Error).message, code: (err as DomainError).statusCode });
      }
    }
    app.post('/newsroom/dramas/:id', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, body: DramaBody } }, async (request, reply) => {
      const form = strip(request.body);
      return dramaWrite(request, reply, request.params.id, 'main', () => saveDrama({ id: request.params.id, form }, deps(request)), (errors) => ({ form, errors }));
    });
    app.post('/newsroom/dramas/:id/schedule', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, body: ScheduleBody } }, async (request, reply) => {
      const form: ScheduleForm = strip(request.body);
      const zone = (await ctx.db.kysely.selectFrom('dramas').leftJoin('networks', 'networks.id', 'dramas.network_id').select('networks.time_zone').where('dramas.id', '=', request.params.id).executeTakeFirst())?.time_zone ?? 'Asia/Seoul';
      return dramaWrite(request, reply, request.params.id, 'schedule', () => saveDramaSchedule({ dramaId: request.params.id, form }, deps(request)), (errors) => ({ schedule: { form, errors, zone } }));
    });
    app.post('/newsroom/dramas/:id/roles', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, body: RoleBody } }, async (request, reply) => {
      const form: RoleForm = strip(request.body);
      const page = await castWith(request.params.id);
      return dramaWrite(request, reply, request.params.id, 'cast', () => saveRole({ dramaId: request.params.id, form }, deps(request)), (errors) => page({ newForm: form, newErrors: errors }));
    });
    app.post('/newsroom/dramas/:id/roles/:roleId', { config: { permission: 'kb.edit' }, schema: { hide: true, params: RoleParams, body: RoleBody } }, async (request, reply) => {
      const form: RoleForm = strip(request.body);
      const page = await castWith(request.params.id);
      return dramaWrite(request, reply, request.params.id, `role-${request.params.roleId}`, () => saveRole({ dramaId: request.params.id, id: request.params.roleId, form }, deps(request)), (errors) => page({ editing: { id: request.params.roleId, form, errors } }));
    });
    app.post('/newsroom/dramas/:id/roles/:roleId/delete', { config: { permission: 'kb.edit' }, schema: { hide: true, params: RoleParams, body: Type.Object({ ...Csrf }, { additionalProperties: true }) } }, async (request, reply) => {
      await deleteRole({ dramaId: request.params.id, id: request.params.roleId }, deps(request));
      return reply.redirect(`/newsroom/dramas/${request.params.id}?saved=1#cast`, 303);
    });

    /** The cast section of a drama page: its roles, the people to choose from, an empty form to add one. */
    async function castOf(dramaId: number): Promise<NonNullable<DramaPageProps['roles']>> {
      const db = ctx.db.kysely;
      const [rows, people] = await Promise.all([
        db.selectFrom('roles').innerJoin('people', 'people.id', 'roles.person_id').select(['roles.id', 'roles.person_id', 'people.display_name as person', 'roles.character_name', 'roles.billing', 'roles.billing_order']).where('roles.drama_id', '=', dramaId).orderBy('roles.billing_order').orderBy('roles.id').execute(),
        db.selectFrom('people').select(['id', 'display_name as name']).orderBy('display_name').limit(5000).execute(),
      ]);
      const aliases = rows.length ? await db.selectFrom('role_aliases').select(['role_id', 'alias']).where('role_id', 'in', rows.map((r) => r.id)).orderBy('alias').execute() : [];
      return { rows: rows.map((r) => ({ ...r, aliases: aliases.filter((a) => a.role_id === r.id).map((a) => a.alias) })), people, newForm: { personId: '', characterName: '', characterAliases: '', billing: 'supporting', billingOrder: '' } };
    }
    /** The cast section with one form's values and messages in place. */
    const castWith = async (dramaId: number) => {
      const cast = await castOf(dramaId);
      return (over: Partial<NonNullable<DramaPageProps['roles']>>): Partial<DramaPageProps> => ({ roles: { ...cast, ...over } });
    };

    async function networksPage(request: FastifyRequest, reply: FastifyReply, over: { form?: NetworkForm; errors?: Errors; editing?: { id: number; form: NetworkForm; errors: Errors }; error?: string; saved?: boolean } = {}, code = 200) {
      const rows = await ctx.db.kysely
        .selectFrom('networks')
        .select(['networks.id', 'networks.name', 'networks.time_zone', 'networks.country', (eb) => eb.selectFrom('dramas').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('dramas.network_id', '=', 'networks.id').as('dramas')])
        .orderBy('name')
        .execute();
      return send(request, reply, 'Networks', '/newsroom/networks', '/newsroom/dramas', <NetworksView user={request.staff!} rows={rows.map((r) => ({ ...r, dramas: Number(r.dramas ?? 0) }))} form={over.form ?? { name: '', timeZone: 'Asia/Seoul', country: 'KR' }} errors={over.errors} editing={over.editing} error={over.error} saved={over.saved} />, code);
    }
    app.get('/newsroom/networks', { config: { permission: 'kb.edit' }, schema: { hide: true, querystring: SavedQuery } }, async (request, reply) => networksPage(request, reply, { saved: request.query.saved === '1' }));
    const networkWrite = async (request: FastifyRequest, reply: FastifyReply, id: number | undefined, form: NetworkForm) => {
      try {
        await saveNetwork({ id, form }, deps(request));
        return reply.redirect('/newsroom/networks?saved=1', 303);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (!errors) throw err;
        const message = (err as Error).message;
        return networksPage(request, reply, id === undefined ? { form, errors, error: message } : { editing: { id, form, errors }, error: message }, (err as DomainError).statusCode);
      }
    };
    app.post('/newsroom/networks', { config: { permission: 'kb.edit' }, schema: { hide: true, body: NetworkBody } }, async (request, reply) => networkWrite(request, reply, undefined, strip(request.body)));
    app.post('/newsroom/networks/:id', { config: { permission: 'kb.edit' }, schema: { hide: true, params: IdParams, body: NetworkBody } }, async (request, reply) => networkWrite(request, reply, request.params.id, strip(request.body)));
  };
}
