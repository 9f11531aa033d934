import type { JSX } from 'preact';
import { ArticleCard, type CardData } from '../../web/components.js';
import { formatDate } from '../../web/site.js';

export interface DramaViewProps {
  drama: {
    title: string; native_title: string | null; year: number | null; episodes: number | null; runtime_minutes: number | null;
    genres: string; synopsis: string; source_title: string | null; source_type: string | null; source_creator: string | null;
    network_name: string | null; first_air_date: string | null; last_air_date: string | null;
  };
  aliases: string[];
  cast: { role_id: number; character_name: string; billing: string; person_slug: string; display_name: string; hangul_name: string | null; aliases: string[] }[];
  platforms: { platform: string; url: string }[];
  airsText: string | null;
  stories: CardData[];
}

const day = (iso: string) => formatDate(`${iso}T00:00:00Z`);

export function DramaView(props: DramaViewProps): JSX.Element {
  const { drama: d } = props;
  return (
    <>
      <header class="entity-header">
        <div class="avatar" aria-hidden="true">
          {(d.native_title ?? d.title).slice(0, 1)}
        </div>
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
            {props.airsText ? (
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
