import type { JSX } from 'preact';
import { ArticleCard, DateTime, KindLabel, Thumb, type CardData } from '../../web/components.js';
import { MostReacted, type MostReactedProps } from '../../reactions/views/most-reacted.js';

export function HomeView(props: { lead: CardData | undefined; rest: CardData[]; heading: string; page: number; hasNext: boolean; kindQuery: string; /** "Most loved this week" (src/reactions/); front page only. */ mostReacted?: MostReactedProps | undefined }): JSX.Element {
  const { lead, rest } = props;
  const pageHref = (n: number) => `/?${props.kindQuery ? `kind=${props.kindQuery}&` : ''}page=${n}`;
  return (
    <>
      <h1 class="visually-hidden">{props.heading}</h1>
      {lead ? (
        <article class="lead-story">
          <a href={`/articles/${lead.slug}`} tabIndex={-1} aria-hidden="true">
            <Thumb imageUrl={lead.lead_image_url} alt={lead.lead_image_alt} kind={lead.kind} label={lead.headline} eager />
          </a>
          <div>
            <KindLabel kind={lead.kind} />
            <h2>
              <a href={`/articles/${lead.slug}`}>{lead.headline}</a>
            </h2>
            {lead.dek ? <p class="dek">{lead.dek}</p> : null}
            <div class="meta">
              {lead.author_name ? <span>By {lead.author_name}</span> : null}
              {lead.published_at ? <DateTime iso={lead.published_at} relative /> : null}
              {lead.comment_count ? <a class="comment-count" href={`/articles/${lead.slug}#comments`}>{lead.comment_count === 1 ? '1 comment' : `${lead.comment_count} comments`}</a> : null}
            </div>
          </div>
        </article>
      ) : (
        <p>No stories yet.</p>
      )}
      {rest.length ? (
        <section aria-labelledby="latest-heading">
          <h2 class="section-title" id="latest-heading">
            {props.page > 1 ? `Page ${props.page}` : 'More stories'}
          </h2>
          <div class="cards">
            {rest.map((a) => (
              <ArticleCard article={a} />
            ))}
          </div>
        </section>
      ) : null}
      {props.mostReacted ? <MostReacted {...props.mostReacted} /> : null}
      {props.page > 1 || props.hasNext ? (
        <nav class="pager" aria-label="Pages">
          {props.page > 1 ? <a href={pageHref(props.page - 1)} rel="prev">← Newer stories</a> : <span />}
          {props.hasNext ? <a href={pageHref(props.page + 1)} rel="next">Older stories →</a> : <span />}
        </nav>
      ) : null}
    </>
  );
}
