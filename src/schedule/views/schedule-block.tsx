// The schedule as it appears on a drama's page and, smaller, beside a story about a drama that is
// airing or about to: status, the weekly slot in the reader's time, the next episode with a
// countdown, and "Add to calendar".
import type { JSX } from 'preact';
import { formatDayHeading } from '../describe.js';
import type { DramaScheduleSummary, ReaderZone } from '../schedule.service.js';
import { Countdown, LocalSlots, LocalTime, ZoneLabel, ZonePicker } from './local-time.js';

const STATUS_LABEL = { upcoming: 'Coming soon', airing: 'On air', ended: 'Ended' } as const;

const longDate = (isoDate: string) => `${formatDayHeading(isoDate)}, ${isoDate.slice(0, 4)}`;

/** "Premieres Saturday, June 19, 2021", "4 of 10 episodes aired", "Ended Saturday, August 21, 2021 after 10 episodes". */
function statusDetail(s: DramaScheduleSummary): string {
  if (s.status === 'upcoming') return s.firstAirDate ? `Premieres ${longDate(s.firstAirDate)}` : '';
  if (s.status === 'ended') {
    const last = s.lastAirDate ?? s.episodes.at(-1)?.localDate;
    const count = s.episodes.length || s.episodeCount;
    return `${last ? `Ended ${longDate(last)}` : 'Ended'}${count ? ` after ${count} episodes` : ''}`;
  }
  if (s.airedCount === 0) return 'Premieres today';
  const total = s.episodeCount ?? s.episodes.length;
  return `${s.airedCount} of ${total} episodes aired`;
}

function NextEpisode(props: { s: DramaScheduleSummary; reader: ReaderZone }): JSX.Element | null {
  const { s } = props;
  if (!s.next) return null;
  return (
    <p class="schedule-next">
      <strong>
        Next: episode {s.next.number}
        {s.episodeCount ? ` of ${s.episodeCount}` : ''}
        {s.next.special ? ` (${s.next.special})` : ''}
      </strong>
      {', '}
      <LocalTime at={s.next.startsAt} networkZone={s.timeZone} reader={props.reader} form="datetime" /> <ZoneLabel reader={props.reader} /> <Countdown at={s.next.startsAt} />
    </p>
  );
}

/** The "Schedule" section of a drama's page. */
export function DramaScheduleBlock(props: { schedule: DramaScheduleSummary; reader: ReaderZone; pagePath: string }): JSX.Element | null {
  const { schedule: s, reader } = props;
  if (!s.status && s.slots.length === 0) return null;
  return (
    <section class="schedule-block" aria-labelledby="schedule-heading" data-schedule-block>
      <h2 class="section-title" id="schedule-heading">
        Schedule
      </h2>
      {s.status ? (
        <p class="schedule-status">
          <span class={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span> {statusDetail(s)}
        </p>
      ) : null}
      {s.slotsText ? <p class="schedule-airs">{s.slotsText}</p> : null}
      {s.slotInstants.length ? (
        <p class="schedule-local">
          {s.status === 'ended' ? 'That was ' : 'That is '}
          <LocalSlots instants={s.slotInstants} networkZone={s.timeZone} reader={reader} />
        </p>
      ) : null}
      <NextEpisode s={s} reader={reader} />
      <div class="schedule-actions">
        {s.episodes.length ? (
          <a class="button" href={s.calendarPath} type="text/calendar">
            Add to calendar
          </a>
        ) : null}
        <ZonePicker reader={reader} action={props.pagePath} />
      </div>
    </section>
  );
}

/**
 * A small box beside a story, for each drama it names that is airing or about to. Times are
 * rendered in each network's zone; the island moves them to the reader's.
 */
export function ArticleScheduleBox(props: { schedules: DramaScheduleSummary[] }): JSX.Element | null {
  if (props.schedules.length === 0) return null;
  return (
    <aside class="box schedule-box" aria-labelledby="on-air-heading">
      <h2 id="on-air-heading">{props.schedules.some((s) => s.status === 'airing' || s.status === 'upcoming') ? 'On air' : 'Air times'}</h2>
      {props.schedules.map((s) => {
        const reader: ReaderZone = { zone: s.timeZone, source: 'network' };
        return (
        <div class="schedule-box-item">
          <p>
            <a href={`/dramas/${s.slug}`}>
              <em>{s.title}</em>
            </a>{' '}
            {s.slotsText ? s.slotsText.charAt(0).toLowerCase() + s.slotsText.slice(1) : ''}
            {s.status === 'upcoming' && s.firstAirDate ? ` from ${longDate(s.firstAirDate)}` : ''}.
          </p>
          {s.slotInstants.length ? (
            <p class="schedule-local">
              That is <LocalSlots instants={s.slotInstants} networkZone={s.timeZone} reader={reader} />.
            </p>
          ) : null}
          <NextEpisode s={s} reader={reader} />
          <p>
            <a class="chip" href={s.calendarPath} type="text/calendar">
              {s.status === 'ended' ? 'Add every episode to a calendar' : 'Add to calendar'}
            </a>
          </p>
        </div>
        );
      })}
    </aside>
  );
}
