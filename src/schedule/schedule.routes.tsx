// HTTP edge of schedules: the /schedule page, each drama's .ics feed and the schedule API.
// Parses and validates, calls the service, renders; nothing more.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { renderPage } from '../web/layout.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { DEFAULT_ZONE, MAX_RANGE_DAYS, episodesInRange, loadDramaCalendar, resolveReaderZone, weekOnAir } from './schedule.service.js';
import { ScheduledEpisodeJson, scheduledEpisodeJson } from './schedule.schemas.js';
import { SchedulePageView } from './views/schedule-page.js';

const Zone = Type.String({ maxLength: 64, description: 'IANA zone name, e.g. America/New_York' });

export function scheduleRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const db = ctx.db.kysely;

    app.get(
      '/schedule',
      // A week's page changes with the clock (what is "this week") and with schedule edits.
      { schema: { hide: true, querystring: Type.Object({ tz: Type.Optional(Zone), week: Type.Optional(Type.String({ maxLength: 10 })) }) }, config: { pageCache: { ttlSeconds: 60 } } },
      async (request, reply) => {
        const reader = resolveReaderZone(request.query.tz);
        const week = await weekOnAir({ db, now: ctx.clock() }, { week: request.query.week, zone: reader.zone });
        const html = renderPage(
          ctx.site,
          {
            title: 'On air this week',
            description: 'What airs this week, day by day, at the time it airs where you are.',
            path: '/schedule',
            section: 'schedule',
            // One canonical page; the zone and week variants are views of it.
            noindex: Boolean(request.query.tz || request.query.week),
          },
          <SchedulePageView week={week} reader={reader} requestedWeek={request.query.week ? week.monday : undefined} />,
        );
        return reply.cacheTags(['schedule']).type('text/html; charset=utf-8').send(html);
      },
    );

    app.get('/dramas/:slug/schedule.ics', { schema: { hide: true, params: Type.Object({ slug: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
      const text = await loadDramaCalendar({ db, now: ctx.clock() }, request.params.slug, { name: ctx.site.name, publicUrl: ctx.site.publicUrl });
      if (text === undefined) return reply.callNotFound();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${request.params.slug.replace(/[^a-z0-9-]/g, '')}.ics"`)
        .header('cache-control', 'public, max-age=3600')
        .send(text);
    });

    app.get(
      '/api/v1/schedule',
      {
        schema: {
          tags: ['schedule'],
          summary: 'Episodes that air in a date range, with times in a given zone',
          description: `Dates are read in \`tz\` (default ${DEFAULT_ZONE}); the range includes both ends and holds at most ${MAX_RANGE_DAYS} days.`,
          querystring: Type.Object({
            from: Type.String({ format: 'date', description: 'First day, YYYY-MM-DD' }),
            to: Type.String({ format: 'date', description: 'Last day, YYYY-MM-DD' }),
            tz: Type.Optional(Zone),
          }),
          response: {
            200: Type.Object({ from: Type.String(), to: Type.String(), timeZone: Type.String(), items: Type.Array(ScheduledEpisodeJson) }),
            400: ErrorBody,
          },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        const { zone } = resolveReaderZone(request.query.tz);
        const items = await episodesInRange({ db }, { from, to, zone });
        return { from, to, timeZone: zone, items: items.map((e) => scheduledEpisodeJson(e, ctx.site.publicUrl)) };
      },
    );
  };
}
