import type { JSX } from 'preact';
import { DateTime, KindLabel, Thumb } from '../../web/components.js';
import type { SearchResults, StoryFilters } from '../search.service.js';
import type { SnippetPart } from '../snippet.js';

/** Marked parts as JSX: text is escaped like any other; <mark> is the only element added. */
function Marked(props: { parts: SnippetPart[] }): JSX.Element {
  return <>{props.parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>;
}

/** The query string of a search, for links to other pages or a corrected query. */
export function searchHref(q: string, filters: StoryFilters, page = 1): string {
  const params = new URLSearchParams({ q });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export function SearchView(props: { results: SearchResults | undefined; q: string; filters: StoryFilters }): JSX.Element {
  const { results: r, q, filters } = props;
  const hasAny = r && (r.stories.total || r.people.length || r.dramas.length);
  return (
    <>
      <h1>Search</h1>
      <form class="search-form" method="get" action="/search" role="search">
        <label for="search-q" class="visually-hidden">Search stories, people and dramas</label>
        <input id="search-q" type="search" name="q" value={q} maxLength={200} placeholder="Song Kang, 송강, Nevertheless…" autocomplete="off" />
        <button type="submit">Search</button>
        <details class="search-filters" open={Boolean(filters.kind || filters.from || filters.to)}>
          <summary>Filters</summary>
          <label>
            Kind{' '}
            <select name="kind">
              <option value="">All</option>
              {(['news', 'watch', 'feature'] as const).map((k) => (
                <option value={k} selected={filters.kind === k}>{k === 'watch' ? 'Watch' : k === 'news' ? 'News' : 'Features'}</option>
              ))}
            </select>
          </label>
          <label>
            From <input type="date" name="from" value={filters.from ?? ''} />
          </label>
          <label>
            To <input type="date" name="to" value={filters.to ?? ''} />
          </label>
          {filters.person ? <input type="hidden" name="person" value={filters.person} /> : null}
          {filters.drama ? <input type="hidden" name="drama" value={filters.drama} /> : null}
        </details>
      </form>
      {r?.didYouMean ? (
        <p class="did-you-mean">
          Did you mean <a href={searchHref(r.didYouMean, filters)}>{r.didYouMean}</a>?
        </p>
      ) : null}
      {r && !hasAny ? <p class="search-empty">No stories, people or dramas match “{r.query}”.</p> : null}
      {r && (r.people.length || r.dramas.length) ? (
        <section aria-labelledby="search-entities">
          <h2 class="section-title" id="search-entities">People and dramas</h2>
          <ul class="chips">
            {r.people.map((p) => (
              <li>
                <a class="chip" href={`/people/${p.slug}`}>
                  {p.name}
                  {p.nativeName ? <span class="ko" lang="ko">{p.nativeName}</span> : null}
                </a>
              </li>
            ))}
            {r.dramas.map((d) => (
              <li>
                <a class="chip" href={`/dramas/${d.slug}`}>
                  <em>{d.name}</em>
                  {d.nativeName ? <span class="ko" lang="ko">{d.nativeName}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {r && r.stories.total ? (
        <section aria-labelledby="search-stories">
          <h2 class="section-title" id="search-stories">
            Stories <span class="count">{r.stories.total}</span>
          </h2>
          <ol class="search-results">
            {r.stories.items.map((s) => (
              <li class="search-hit">
                <a href={`/articles/${s.slug}`} tabIndex={-1} aria-hidden="true">
                  <Thumb imageUrl={s.lead_image_url} alt={s.lead_image_alt} kind={s.kind} label={s.headline} />
                </a>
                <div>
                  <KindLabel kind={s.kind} />
                  <h3>
                    <a href={`/articles/${s.slug}`}>
                      <Marked parts={s.headlineParts} />
                    </a>
                  </h3>
                  <p class="snippet">
                    <Marked parts={s.snippet} />
                  </p>
                  <div class="meta">
                    {s.author_name ? <span>{s.author_name}</span> : null}
                    {s.published_at ? <DateTime iso={s.published_at} /> : null}
                  </div>
                </div>
              </li>
            ))}
          </ol>
          {r.stories.page > 1 || r.stories.hasNext ? (
            <nav class="pager" aria-label="Pages">
              {r.stories.page > 1 ? <a href={searchHref(r.query, filters, r.stories.page - 1)} rel="prev">← Previous</a> : <span />}
              {r.stories.hasNext ? <a href={searchHref(r.query, filters, r.stories.page + 1)} rel="next">More results →</a> : <span />}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
