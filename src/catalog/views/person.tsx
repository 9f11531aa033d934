import type { JSX } from 'preact';
import { ArticleCard, type CardData } from '../../web/components.js';
import { formatDate } from '../../web/site.js';
import { EntityPicture } from './picture.js';

export interface PersonViewProps {
  person: { display_name: string; hangul_name: string | null; family_name: string; given_name: string; birth_date: string | null; bio: string; photo_url: string | null };
  aliases: string[];
  roles: { role_id: number; character_name: string; billing: string; drama_slug: string; drama_title: string; year: number | null; network_name: string | null }[];
  stories: CardData[];
}

export function PersonView(props: PersonViewProps): JSX.Element {
  const { person: p } = props;
  return (
    <>
      <header class="entity-header">
        <EntityPicture class="avatar" url={p.photo_url} alt={p.display_name} initial={(p.hangul_name ?? p.display_name).slice(0, 1)} width={270} height={360} eager />
        <div>
          <h1>{p.display_name}</h1>
          {p.hangul_name ? (
            <p class="native" lang="ko">
              {p.hangul_name}
            </p>
          ) : null}
          <dl class="facts">
            <dt>Family name</dt>
            <dd>{p.family_name}</dd>
            <dt>Given name</dt>
            <dd>{p.given_name}</dd>
            {p.birth_date ? (
              <>
                <dt>Born</dt>
                <dd>
                  <time datetime={p.birth_date}>{formatDate(`${p.birth_date}T00:00:00Z`)}</time>
                </dd>
              </>
            ) : null}
            {props.aliases.length ? (
              <>
                <dt>Also written</dt>
                <dd>{props.aliases.join(', ')}</dd>
              </>
            ) : null}
          </dl>
          {p.bio ? <p>{p.bio}</p> : null}
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
        <section aria-labelledby="works-heading">
          <h2 class="section-title" id="works-heading">
            Filmography
          </h2>
          <ul class="list">
            {props.roles.map((r) => (
              <li>
                <span>
                  <a href={`/dramas/${r.drama_slug}`}>
                    <em>{r.drama_title}</em>
                  </a>
                  <br />
                  <span class="sub">as {r.character_name}</span>
                </span>
                <span class="sub">
                  {r.billing === 'main' ? <span class="badge">Lead</span> : null} {r.year ?? ''}
                  {r.network_name ? ` · ${r.network_name}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
