import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { dramaPageTags, personPageTags } from '../cache/purge.js';
import { renderPage } from '../web/layout.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { listArticlesNamingDrama, listArticlesNamingPerson } from '../articles/articles.repository.js';
import { loadScheduleBySlug, resolveReaderZone } from '../schedule/schedule.service.js';
import { DramaScheduleJson, dramaScheduleJson } from '../schedule/schedule.schemas.js';
import {
  findDramaBySlug,
  findPersonBySlug,
  listCast,
  listDramaAliases,
  listDramas,
  listPeople,
  listPersonAliases,
  listPlatforms,
  listRoleAliases,
  listRolesOfPerson,
} from './catalog.repository.js';
import { DramaView } from './views/drama.js';
import { entityBreadcrumbJsonLd, personJsonLd, tvSeriesJsonLd } from './catalog.jsonld.js';
import { PersonView } from './views/person.js';
import { alsoSeeRoutes } from './also-see.routes.js';
import { mentionsRoutes } from './mentions.routes.js';
import { findPersonRedirect } from '../newsroom/kb/person-redirects.repository.js';

const STORIES_ON_ENTITY_PAGE = 12;
// Entity pages change on an edit (purged then) and with the clock (air status, countdown fallback).
const ENTITY_CACHE_SECONDS = 60;
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const Paging = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

const Person = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  hangulName: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  aliases: Type.Array(Type.String()),
  url: Type.String(),
  roles: Type.Array(Type.Object({ drama: Type.String(), dramaTitle: Type.String(), character: Type.String(), billing: Type.String(), year: Type.Union([Type.Integer(), Type.Null()]) })),
});
const Drama = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  nativeTitle: Type.Union([Type.String(), Type.Null()]),
  network: Type.Union([Type.String(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  episodes: Type.Union([Type.Integer(), Type.Null()]),
  runtimeMinutes: Type.Union([Type.Integer(), Type.Null()]),
  country: Type.String({ description: 'ISO 3166 code, e.g. KR' }),
  genres: Type.Array(Type.String()),
  synopsis: Type.String(),
  posterUrl: Type.Union([Type.String(), Type.Null()]),
  platforms: Type.Array(Type.Object({ platform: Type.String(), url: Type.String({ description: 'Watch link' }) })),
  source: Type.Union([Type.Object({ title: Type.String(), type: Type.Union([Type.String(), Type.Null()]), creator: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  aliases: Type.Array(Type.String()),
  url: Type.String(),
  schedule: Type.Union([DramaScheduleJson, Type.Null()]),
  cast: Type.Array(Type.Object({ person: Type.String(), name: Type.String(), character: Type.String(), characterAliases: Type.Array(Type.String()), billing: Type.String() })),
});

export function catalogRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Staff APIs of the catalog: the "Also see" box and ambiguous names of a story.
    await app.register(alsoSeeRoutes(ctx));
    await app.register(mentionsRoutes(ctx));
    const db = ctx.db.kysely;
    const now = () => ctx.clock().toISOString();

    async function loadPerson(slug: string) {
      const person = await findPersonBySlug(db, slug);
      if (!person) return undefined;
      const [aliases, roles] = await Promise.all([listPersonAliases(db, person.id), listRolesOfPerson(db, person.id)]);
      return { person, aliases, roles };
    }

    async function loadDrama(slug: string) {
      const drama = await findDramaBySlug(db, slug);
      if (!drama) return undefined;
      const [aliases, castRows, platforms, schedule] = await Promise.all([listDramaAliases(db, drama.id), listCast(db, drama.id), listPlatforms(db, drama.id), loadScheduleBySlug({ db, now: ctx.clock() }, drama.slug)]);
      const roleAliases = await listRoleAliases(db, castRows.map((c) => c.role_id));
      const cast = castRows.map((c) => ({ ...c, aliases: roleAliases.get(c.role_id) ?? [] }));
      // "Airs"/"Aired" as the schedule decides it: by the date in the network's zone.
      const airsText = schedule?.slotsText ?? null;
      return { drama, aliases, cast, platforms, airsText, schedule };
    }

    app.get('/people/:slug', { schema: { hide: true, params: SlugParams }, config: { pageCache: { ttlSeconds: ENTITY_CACHE_SECONDS } } }, async (request, reply) => {
      const data = await loadPerson(request.params.slug);
      if (!data) {
        // A person merged into another in the newsroom: the old address leads to the kept record.
        const moved = await findPersonRedirect(db, request.params.slug);
        return moved ? reply.redirect(`/people/${moved}`, 301) : reply.callNotFound();
      }
      const stories = await listArticlesNamingPerson(db, data.person.id, now(), STORIES_ON_ENTITY_PAGE);
      const { person } = data;
      const html = renderPage(
        ctx.site,
        {
          title: person.hangul_name ? `${person.display_name} (${person.hangul_name})` : person.display_name,
          description: person.bio || `Stories, roles and news about ${person.display_name}.`,
          path: `/people/${person.slug}`,
          ogType: 'profile',
          jsonLd: [personJsonLd(ctx.site, person, data.aliases), entityBreadcrumbJsonLd(ctx.site, person.display_name, `/people/${person.slug}`)],
        },
        <PersonView person={person} aliases={data.aliases} roles={data.roles} stories={stories} />,
      );
      return reply.cacheTags(personPageTags(person.id)).type('text/html; charset=utf-8').send(html);
    });

    app.get('/dramas/:slug', { schema: { hide: true, params: SlugParams, querystring: Type.Object({ tz: Type.Optional(Type.String({ maxLength: 64 })) }) }, config: { pageCache: { ttlSeconds: ENTITY_CACHE_SECONDS } } }, async (request, reply) => {
      const reader = resolveReaderZone(request.query.tz);
      const data = await loadDrama(request.params.slug);
      if (!data) return reply.callNotFound();
      const stories = await listArticlesNamingDrama(db, data.drama.id, now(), STORIES_ON_ENTITY_PAGE);
      const { drama } = data;
      const html = renderPage(
        ctx.site,
        {
          title: drama.native_title ? `${drama.title} (${drama.native_title})` : drama.title,
          description: drama.synopsis || `Cast, schedule and stories about ${drama.title}.`,
          path: `/dramas/${drama.slug}`,
          jsonLd: [tvSeriesJsonLd(ctx.site, drama, data.cast), entityBreadcrumbJsonLd(ctx.site, drama.title, `/dramas/${drama.slug}`)],
        },
        <DramaView drama={drama} aliases={data.aliases} cast={data.cast} platforms={data.platforms} airsText={data.airsText} stories={stories} schedule={data.schedule} reader={reader} />,
      );
      return reply.cacheTags(dramaPageTags(drama.id)).type('text/html; charset=utf-8').send(html);
    });

    app.get('/api/v1/people', { schema: { tags: ['people'], summary: 'People in the knowledge base', querystring: Paging, response: { 200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), hangulName: Type.Union([Type.String(), Type.Null()]), url: Type.String() })) }), 400: ErrorBody } } }, async (request) => {
      const rows = await listPeople(db, request.query.limit, request.query.offset);
      return { items: rows.map((p) => ({ slug: p.slug, name: p.display_name, hangulName: p.hangul_name, url: `${ctx.site.publicUrl}/people/${p.slug}` })) };
    });

    app.get('/api/v1/people/:slug', { schema: { tags: ['people'], summary: 'One person with their roles', params: SlugParams, response: { 200: Person, 404: ErrorBody } } }, async (request, reply) => {
      const data = await loadPerson(request.params.slug);
      if (!data) {
        // A person merged into another: API clients follow the same permanent redirect as readers.
        const moved = await findPersonRedirect(db, request.params.slug);
        if (moved) return reply.redirect(`/api/v1/people/${moved}`, 301);
        return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No person has the slug "${request.params.slug}"` });
      }
      const p = data.person;
      return {
        slug: p.slug, name: p.display_name, familyName: p.family_name, givenName: p.given_name, hangulName: p.hangul_name, birthDate: p.birth_date,
        photoUrl: p.photo_url, aliases: data.aliases, url: `${ctx.site.publicUrl}/people/${p.slug}`,
        roles: data.roles.map((r) => ({ drama: r.drama_slug, dramaTitle: r.drama_title, character: r.character_name, billing: r.billing, year: r.year })),
      };
    });

    app.get('/api/v1/dramas', { schema: { tags: ['dramas'], summary: 'Dramas in the knowledge base', querystring: Paging, response: { 200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), title: Type.String(), nativeTitle: Type.Union([Type.String(), Type.Null()]), year: Type.Union([Type.Integer(), Type.Null()]), network: Type.Union([Type.String(), Type.Null()]), url: Type.String() })) }), 400: ErrorBody } } }, async (request) => {
      const rows = await listDramas(db, request.query.limit, request.query.offset);
      return { items: rows.map((d) => ({ slug: d.slug, title: d.title, nativeTitle: d.native_title, year: d.year, network: d.network_name, url: `${ctx.site.publicUrl}/dramas/${d.slug}` })) };
    });

    app.get('/api/v1/dramas/:slug', { schema: { tags: ['dramas'], summary: 'One drama with its cast and schedule', params: SlugParams, response: { 200: Drama, 404: ErrorBody } } }, async (request, reply) => {
      const data = await loadDrama(request.params.slug);
      if (!data) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No drama has the slug "${request.params.slug}"` });
      const d = data.drama;
      return {
        slug: d.slug, title: d.title, nativeTitle: d.native_title, network: d.network_name, year: d.year, episodes: d.episodes,
        runtimeMinutes: d.runtime_minutes, country: d.country, genres: d.genres.split(',').map((g) => g.trim()).filter(Boolean), synopsis: d.synopsis,
        posterUrl: d.poster_url, platforms: data.platforms,
        source: d.source_title ? { title: d.source_title, type: d.source_type, creator: d.source_creator } : null,
        aliases: data.aliases, url: `${ctx.site.publicUrl}/dramas/${d.slug}`, schedule: data.schedule ? dramaScheduleJson(data.schedule, ctx.site.publicUrl) : null,
        cast: data.cast.map((c) => ({ person: c.person_slug, name: c.display_name, character: c.character_name, characterAliases: c.aliases, billing: c.billing })),
      };
    });
  };
}
