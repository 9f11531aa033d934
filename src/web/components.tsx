import type { JSX } from 'preact';
import { formatDate } from './site.js';
import { safeImageUrl } from './safe-url.js';

const KIND_LABEL: Record<string, string> = { news: 'News', watch: 'Watch', feature: 'Feature' };

export function KindLabel(props: { kind: string }): JSX.Element {
  return <span class={`kind kind-${props.kind}`}>{KIND_LABEL[props.kind] ?? props.kind}</span>;
}

/** `<time>` with the ISO instant for machines and a readable date for people. */
export function DateTime(props: { iso: string; relative?: boolean }): JSX.Element {
  return (
    <time datetime={props.iso} data-relative={props.relative ? '' : undefined}>
      {formatDate(props.iso)}
    </time>
  );
}

/** The picture slot of a card: the lead image or a placeholder of the same size. */
export function Thumb(props: { imageUrl: string | null; alt: string | null; kind: string; label: string; eager?: boolean }): JSX.Element {
  // A stored address that is not http(s) or a site path (javascript:, data:) is never put in src.
  const src = safeImageUrl(props.imageUrl);
  return (
    <div class="thumb">
      {src ? (
        <img src={src} alt={props.alt ?? ''} width={1280} height={720} loading={props.eager ? 'eager' : 'lazy'} decoding="async" />
      ) : props.kind === 'watch' ? (
        <span class="play" aria-hidden="true">
          ▶
        </span>
      ) : (
        <span class="initial" aria-hidden="true">
          {props.label.slice(0, 1)}
        </span>
      )}
    </div>
  );
}

export interface CardData {
  slug: string;
  kind: string;
  headline: string;
  dek: string;
  published_at: string | null;
  lead_image_url: string | null;
  lead_image_alt: string | null;
  author_name: string | null;
  /** Approved comments (src/comments/); not shown when absent. */
  comment_count?: number;
}

export function ArticleCard(props: { article: CardData; headingLevel?: 2 | 3 }): JSX.Element {
  const a = props.article;
  const href = `/articles/${a.slug}`;
  return (
    <article class="card">
      <a href={href} tabIndex={-1} aria-hidden="true">
        <Thumb imageUrl={a.lead_image_url} alt={a.lead_image_alt} kind={a.kind} label={a.headline} />
      </a>
      <KindLabel kind={a.kind} />
      <h3>
        <a href={href}>{a.headline}</a>
      </h3>
      {a.dek ? <p class="dek">{a.dek}</p> : null}
      <div class="meta">
        {a.author_name ? <span>{a.author_name}</span> : null}
        {a.comment_count ? <a class="comment-count" href={`${href}#comments`}>{a.comment_count === 1 ? '1 comment' : `${a.comment_count} comments`}</a> : null}
        {a.published_at ? <DateTime iso={a.published_at} relative /> : null}
      </div>
    </article>
  );
}
