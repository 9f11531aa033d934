// The /schedule page: a Monday-to-Sunday week of broadcasts, day by day, on the reader's clock.
// The server groups by day in the zone it was asked for (?tz=, else Korea time); the
// schedule-week island regroups in the browser's or the remembered zone. The markup of a week
// here and in src/web/islands/schedule-week.ts must stay the same.
import type { JSX } from 'preact';
import { addDays } from '../calendar-dates.js';
import { formatDateRange, formatDayHeading } from '../describe.js';
import type { ReaderZone, WeekOnAir } from '../schedule.service.js';
import { LocalTime, ZoneLabel, ZonePicker } from './local-time.js';

export interface SchedulePageProps {
  week: WeekOnAir;
  reader: ReaderZone;
  /** The ?week= the page was asked for; undefined for the current week. */
  requestedWeek: string | undefined;
}

function weekHref(monday: string | undefined, reader: ReaderZone): string {
  const q = new URLSearchParams();
  if (monday) q.set('week', monday);
  if (reader.source === 'chosen') q.set('tz', reader.zone);
  const s = q.toString();
  return s ? `/schedule?${s}` : '/schedule';
}

function EmptyWeek(props: { week: WeekOnAir }): JSX.Element {
  return (
    <div class="box empty-week">
      <p class="empty-title">Nothing airs this week</p>
      <p>
        None of the dramas we follow has an episode in the week of {formatDateRange(props.week.monday, props.week.sunday)}. Try another week, or
        catch up on <a href="/">the latest stories</a>.
      </p>
    </div>
  );
}

function WeekDays(props: { week: WeekOnAir; reader: ReaderZone }): JSX.Element {
  return (
    <ol class="week-days">
      {props.week.days.map((day) => (
        <li class={day.date === props.week.today ? 'week-day is-today' : 'week-day'} data-date={day.date}>
          <h2>
            {formatDayHeading(day.date)}
            {day.date === props.week.today ? <span class="badge">Today</span> : null}
          </h2>
          {day.episodes.length ? (
            <ul class="week-items">
              {day.episodes.map((e) => (
                <li class="week-item">
                  <LocalTime at={e.startsAt} networkZone={e.network.zone} reader={props.reader} form="time" />
                  <span>
                    <a href={`/dramas/${e.drama.slug}`}>
                      <em>{e.drama.title}</em>
                    </a>{' '}
                    <span class="sub">
                      Episode {e.number}
                      {e.episodeCount ? ` of ${e.episodeCount}` : ''}
                      {e.drama.networkName ? ` · ${e.drama.networkName}` : ''}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="sub">Nothing airs.</p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function SchedulePageView(props: SchedulePageProps): JSX.Element {
  const { week, reader } = props;
  return (
    <div class="schedule-page" data-schedule-week data-zone={reader.zone} data-week={props.requestedWeek ?? ''}>
      <header class="page-header">
        <h1>{props.requestedWeek ? 'On air that week' : 'On air this week'}</h1>
        <p class="sub">
          <span data-week-range>{formatDateRange(week.monday, week.sunday)}</span> · shown <ZoneLabel reader={reader} />
        </p>
      </header>
      <div class="schedule-tools">
        <ZonePicker reader={reader} action="/schedule" keep={{ week: props.requestedWeek }} />
        <nav class="week-nav" aria-label="Other weeks">
          <a href={weekHref(addDays(week.monday, -7), reader)} rel="prev" data-week-link="-7">
            ← Previous week
          </a>
          {props.requestedWeek ? <a href={weekHref(undefined, reader)}>This week</a> : null}
          <a href={weekHref(addDays(week.monday, 7), reader)} rel="next" data-week-link="7">
            Next week →
          </a>
        </nav>
      </div>
      <div data-week-body>{week.isEmpty ? <EmptyWeek week={week} /> : <WeekDays week={week} reader={reader} />}</div>
    </div>
  );
}
