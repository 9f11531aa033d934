import type { JSX } from 'preact';
import { ArticleCard, type CardData } from '../../web/components.js';
import { formatDate } from '../../web/site.js';
import { EntityPicture } from './picture.js';
import type { DramaScheduleSummary, ReaderZone } from '../../schedule/schedule.service.js';
import { DramaScheduleBlock } from '../../schedule/views/schedule-block.js';

export interface DramaViewProps {
  drama: {
    title: string; native_title: string | null; year: number | null; episodes: number | null; runtime_minutes: number | null;
    genres: string; synopsis: string; source_title: string | null; source_type: string | null; source_creator: string | null;
    network_name: string | null; first_air_date: string | null; last_air_date: string | null;
    /** ISO 3166 code, e.g. KR. */
    country: string; poster_url: string | null;
  };
  aliases: string[];
  cast: { role_id: number; character_name: string; billing: string; person_slug: string; display_name: string; hangul_name: string | null; aliases: string[] }[];
  platforms: { platform: string; url: string }[];
  airsText: string | null;
  stories: CardData[];
  /** Status, next episode and calendar link; see src/schedule/. */
  schedule?: DramaScheduleSummary | undefined;
  /** The zone the schedule's times are rendered in (?tz=, else the network's). */
  reader?: ReaderZone | undefined;
}

const day = (iso: string) => formatDate(`${iso}T00:00:00Z`);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** "South Korea" for KR; the code itself when it is not one. */
function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function DramaView(props: DramaViewProps): JSX.Element {
  const { drama: d } = props;
  return (
    <>
      <header class="entity-header">
        <EntityPicture class="avatar" url={d.poster_url} alt={`Poster of ${d.title}`} initial={(d.native_title ?? d.title).slice(0, 1)} width={270} height={360} eager />
        <div>
          <h1>{d.title}</h1>
          {d.native_title ? (
            <p class="native" lang="ko">
              {d.native_title}
            </p>
          ) : null}
          <dl class="facts">
            {d.network_name ? (
              <>
                <dt>Network</dt>
                <dd>{d.network_name}</dd>
              </>
            ) : null}
            {d.country ? (
              <>
                <dt>Country</dt>
                <dd>{countryName(d.country)}</dd>
              </>
            ) : null}
            {d.year ? (
              <>
                <dt>Year</dt>
                <dd>{d.year}</dd>
              </>
            ) : null}
            {d.episodes ? (
              <>
                <dt>Episodes</dt>
                <dd>
                  {d.episodes}
                  {d.runtime_minutes ? ` × ${d.runtime_minutes} min` : ''}
                </dd>
              </>
            ) : null}
            {d.genres ? (
              <>
                <dt>Genres</dt>
                <dd>{d.genres}</dd>
              </>
            ) : null}
            {d.first_air_date ? (
              <>
                <dt>Aired</dt>
                <dd>
                  <time datetime={d.first_air_date}>{day(d.first_air_date)}</time>
                  {d.last_air_date && d.last_air_date !== d.first_air_date ? (
                    <>
                      {' – '}
                      <time datetime={d.last_air_date}>{day(d.last_air_date)}</time>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {props.airsText && !props.schedule?.slotsText ? (
              <>
                <dt>Schedule</dt>
                <dd>{props.airsText}</dd>
              </>
            ) : null}
            {d.source_title ? (
              <>
                <dt>Based on</dt>
                <dd>
                  the {d.source_type ?? 'work'} <em>{d.source_title}</em>
                  {d.source_creator ? ` by ${d.source_creator}` : ''}
                </dd>
              </>
            ) : null}
            {props.aliases.length ? (
              <>
                <dt>Also known as</dt>
                <dd>{props.aliases.join(', ')}</dd>
              </>
            ) : null}
          </dl>
          {d.synopsis ? <p>{d.synopsis}</p> : null}
          {props.platforms.length ? (
            <p class="chips">
              {props.platforms.map((p) => (
                <a class="chip chip-watch" href={p.url} rel="noopener">
                  Watch on {p.platform} <span aria-hidden="true">↗</span>
                </a>
              ))}
            </p>
          ) : null}
        </div>
      </header>
      {props.schedule && props.reader ? <DramaScheduleBlock schedule={props.schedule} reader={props.reader} pagePath={`/dramas/${props.schedule.slug}`} /> : null}
      <div class="two-col">
        <section aria-labelledby="stories-heading">
          <h2 class="section-title" id="stories-heading">
            Latest stories
          </h2>
          {props.stories.length ? (
            <div class="cards">
              {props.stories.map((s) => (
                <ArticleCard article={s} />
              ))}
            </div>
          ) : (
            <p>No stories yet.</p>
          )}
        </section>
        <section aria-labelledby="cast-heading">
          <h2 class="section-title" id="cast-heading">
            Cast
          </h2>
          <ul class="list">
            {props.cast.map((c) => (
              <li id={`role-${c.role_id}`}>
                <span>
                  <a href={`/people/${c.person_slug}`}>{c.display_name}</a>
                  {c.hangul_name ? (
                    <span class="sub" lang="ko">
                      {' '}
                      {c.hangul_name}
                    </span>
                  ) : null}
                  <br />
                  <span class="sub">
                    as {c.character_name}
                    {c.aliases.length ? ` (also ${c.aliases.join(', ')})` : ''}
                  </span>
                </span>
                {c.billing === 'main' ? <span class="badge">Lead</span> : <span class="badge badge-muted">{c.billing === 'cameo' ? 'Cameo' : 'Supporting'}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
