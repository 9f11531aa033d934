import type { JSX } from 'preact';
import { DateTime, KindLabel, Thumb } from '../../web/components.js';
import { RawHtml, type TrustedHtml } from '../../web/raw.js';
import type { ArticleWithAuthor } from '../articles.repository.js';
import type { DramaScheduleSummary } from '../../schedule/schedule.service.js';
import { ArticleScheduleBox } from '../../schedule/views/schedule-block.js';
import type { AlsoSeeItem } from '../../catalog/also-see.service.js';
import { AlsoSeeBox } from '../../catalog/views/also-see.js';
import { ReactionWidget, type ReactionWidgetProps } from '../../reactions/views/widget.js';

export interface ArticleViewProps {
  article: ArticleWithAuthor;
  /** Lead video or uploaded lead image (src/media/); when absent, the lead image URL as a thumbnail. */
  lead?: JSX.Element | undefined;
  bodyHtml: TrustedHtml;
  tags: { slug: string; name: string }[];
  people: { slug: string; display_name: string; hangul_name: string | null }[];
  dramas: { slug: string; title: string; native_title: string | null }[];
  /** Schedules of the story's dramas that are airing or upcoming (src/schedule/). */
  onAir?: DramaScheduleSummary[];
  /** Other works of the people in the story (src/catalog/also-see.service.ts). */
  alsoSee?: AlsoSeeItem[];
  /** "How does this article make you feel?" (src/reactions/). */
  reactions?: ReactionWidgetProps;
  /** The comment section and the approved-comment count (src/comments/). */
  comments?: JSX.Element;
  commentCount?: number;
}

export function ArticleView(props: ArticleViewProps): JSX.Element {
  const { article: a } = props;
  return (
    <article>
      <header class="article-header">
        <KindLabel kind={a.kind} />
        <h1>{a.headline}</h1>
        {a.dek ? <p class="dek">{a.dek}</p> : null}
        <div class="meta">
          {a.author_name ? (
            <span>
              By <span class="byline">{a.author_name}</span>
            </span>
          ) : null}
          {a.published_at ? <DateTime iso={a.published_at} /> : null}
          {props.commentCount !== undefined ? <a class="comment-count" href="#comments">{props.commentCount === 1 ? '1 comment' : `${props.commentCount} comments`}</a> : null}
        </div>
      </header>
      {props.lead ?? (a.lead_image_url ? (
        <div class="article-hero">
          <Thumb imageUrl={a.lead_image_url} alt={a.lead_image_alt} kind={a.kind} label={a.headline} eager />
        </div>
      ) : null)}
      <RawHtml class="prose" html={props.bodyHtml} />
      <AlsoSeeBox items={props.alsoSee ?? []} />
      {props.reactions ? <ReactionWidget {...props.reactions} /> : null}
      <footer class="article-footer">
        <ArticleScheduleBox schedules={props.onAir ?? []} />
        {props.people.length || props.dramas.length ? (
          <section class="box" aria-labelledby="in-this-story">
            <h2 id="in-this-story">In this story</h2>
            <ul class="chips">
              {props.people.map((p) => (
                <li>
                  <a class="chip" href={`/people/${p.slug}`}>
                    {p.display_name}
                    {p.hangul_name ? <span class="ko" lang="ko">{p.hangul_name}</span> : null}
                  </a>
                </li>
              ))}
              {props.dramas.map((d) => (
                <li>
                  <a class="chip" href={`/dramas/${d.slug}`}>
                    <em>{d.title}</em>
                    {d.native_title ? <span class="ko" lang="ko">{d.native_title}</span> : null}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {props.tags.length ? (
          <section aria-label="Tags">
            <ul class="chips">
              {props.tags.map((t) => (
                <li>
                  <span class="chip">#{t.name}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </footer>
      {props.comments ?? null}
    </article>
  );
}
