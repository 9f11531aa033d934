import type { JSX } from 'preact';
import { DateTime } from '../../web/components.js';
import { renderToString } from 'preact-render-to-string';
import { RawHtml, trustHtml, type TrustedHtml } from '../../web/raw.js';
import type { PublicComment } from '../comments.repository.js';
import { commentExcerpt, formatCommentBody } from '../format.js';
import { inlineIdenticonSvg } from '../identicon.js';
import { CommentForm, type CommentFormState } from './comment-form.js';

export interface CommentSectionProps {
  articleSlug: string;
  /** Comments may be posted. */
  open: boolean;
  /** This page of the thread, flat, ordered by path. */
  comments: PublicComment[];
  /**
   * The thread as HTML, when the caller has it already (rendered by renderCommentList, kept in
   * src/comments/thread-cache.ts); otherwise the section renders `comments` itself.
   */
  listHtml?: TrustedHtml | undefined;
  picks: PublicComment[];
  /** Approved comments on the article. */
  approvedCount: number;
  page: number;
  pages: number;
  /** Deepest level that still offers "Reply". */
  threadDepth: number;
  replyTo: { id: number; name: string } | undefined;
  form: CommentFormState;
  formToken: string;
}

export interface Node {
  comment: PublicComment;
  children: Node[];
}

/** Nests a path-ordered flat list in one pass: a stack holds the open ancestors. */
export function nestThread(flat: PublicComment[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const comment of flat) {
    const node: Node = { comment, children: [] };
    while (stack.length && stack[stack.length - 1]!.comment.id !== comment.parent_id) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function pageHref(slug: string, page: number): string {
  return page > 1 ? `/articles/${slug}?cpage=${page}#comments` : `/articles/${slug}#comments`;
}

export function Avatar(props: { avatarKey: string }): JSX.Element {
  // Trusted: inlineIdenticonSvg builds the SVG itself from numbers and escaped colour strings.
  return <RawHtml class="comment-avatar" html={trustHtml(inlineIdenticonSvg(props.avatarKey))} />;
}

export function CommentItem(props: { node: Node; slug: string; page: number; open: boolean; threadDepth: number }): JSX.Element {
  const c = props.node.comment;
  const pending = c.status === 'pending';
  // Relative to the story's own address (the thread is only ever shown there): a long slug is not
  // repeated in every comment.
  const replyHref = `?${props.page > 1 ? `cpage=${props.page}&` : ''}replytocom=${c.id}#respond`;
  return (
    <li id={`comment-${c.id}`} class={`comment depth-${c.depth}${pending ? ' is-pending' : ''}${c.is_staff ? ' is-staff' : ''}`}>
      <article class="comment-card">
        <header class="comment-meta">
          <Avatar avatarKey={c.avatar_key} />
          <span class="comment-author">
            {c.author_url ? (
              <a href={c.author_url} rel="nofollow ugc external">
                {c.author_name}
              </a>
            ) : (
              c.author_name
            )}
          </span>
          {c.is_staff ? <span class="badge">Staff</span> : null}
          {c.editor_pick ? <span class="badge badge-pick">Editor's pick</span> : null}
          <a class="comment-permalink" href={`#comment-${c.id}`}>
            <DateTime iso={c.created_at} relative />
          </a>
        </header>
        {pending ? <p class="comment-awaiting">Your comment is awaiting moderation.</p> : null}
        {/* Trusted: formatCommentBody escapes every character typed and builds its few tags itself. */}
        <RawHtml class="comment-body" html={trustHtml(formatCommentBody(c.body))} />
        {!pending ? (
          <footer class="comment-actions">
            {props.open && c.depth < props.threadDepth ? (
              <a class="comment-reply" href={replyHref} aria-label={`Reply to ${c.author_name}`}>
                Reply
              </a>
            ) : null}
            {/* A link to a small report page (works without JavaScript) rather than a form in every comment. */}
            <a class="comment-report" href={`/comments/${c.id}/report${props.page > 1 ? `?cpage=${props.page}` : ''}`} rel="nofollow">
              Report
            </a>
          </footer>
        ) : null}
      </article>
      {props.node.children.length ? (
        <ol class="children">
          {props.node.children.map((n) => (
            <CommentItem node={n} slug={props.slug} page={props.page} open={props.open} threadDepth={props.threadDepth} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export interface CommentListProps {
  comments: PublicComment[];
  slug: string;
  page: number;
  open: boolean;
  threadDepth: number;
}

/** The items of the thread (what goes inside ol.comment-list), as HTML built by JSX (escaped). */
export function renderCommentList(props: CommentListProps): TrustedHtml {
  const tree = nestThread(props.comments);
  // Trusted: rendered from JSX, which escapes every text and attribute value.
  return trustHtml(
    renderToString(
      <>
        {tree.map((n) => (
          <CommentItem node={n} slug={props.slug} page={props.page} open={props.open} threadDepth={props.threadDepth} />
        ))}
      </>,
    ),
  );
}

export function commentCountLabel(n: number): string {
  return n === 0 ? 'No comments yet' : n === 1 ? '1 comment' : `${n.toLocaleString('en-US')} comments`;
}

export function CommentSection(props: CommentSectionProps): JSX.Element {
  const listHtml = props.listHtml ?? renderCommentList({ comments: props.comments, slug: props.articleSlug, page: props.page, open: props.open, threadDepth: props.threadDepth });
  const pager =
    props.pages > 1 ? (
      <nav class="pager comment-pager" aria-label="Comment pages">
        {props.page > 1 ? <a href={pageHref(props.articleSlug, props.page - 1)} rel="prev">← Older comments</a> : <span />}
        <span class="comment-page-of">
          Page {props.page} of {props.pages}
        </span>
        {props.page < props.pages ? <a href={pageHref(props.articleSlug, props.page + 1)} rel="next">Newer comments →</a> : <span />}
      </nav>
    ) : null;
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title" data-comments={props.articleSlug}>
      <h2 id="comments-title">{commentCountLabel(props.approvedCount)}</h2>
      {props.picks.length ? (
        <section class="editor-picks" aria-label="Editor's picks">
          <h3>Editor's picks</h3>
          <ul>
            {props.picks.map((c) => (
              <li>
                <a href={`#comment-${c.id}`}>{c.author_name}</a>: {commentExcerpt(c.body.replace(/\*\*|[*`]|^\s*>\s?/gm, ''), 140)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pager}
      <RawHtml as="ol" class="comment-list" data={{ 'data-comment-list': true }} html={listHtml} />
      {pager}
      {props.open ? (
        <CommentForm articleSlug={props.articleSlug} replyTo={props.replyTo} state={props.form} formToken={props.formToken} page={props.page} />
      ) : (
        <p class="comments-closed">Comments are closed.</p>
      )}
    </section>
  );
}
