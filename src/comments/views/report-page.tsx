import type { JSX } from 'preact';
import { commentExcerpt } from '../format.js';

/** The form that reports one comment to the moderators (linked from "Report" under each comment). */
export function ReportPage(props: { comment: { id: number; author_name: string; body: string }; articleHeadline: string; back: string }): JSX.Element {
  const c = props.comment;
  return (
    <div class="comment-report-page">
      <p>
        <a href={props.back}>← Back to “{props.articleHeadline}”</a>
      </p>
      <h1>Report a comment</h1>
      <blockquote class="comment-report-quote">
        <p>
          <strong>{c.author_name}</strong>: {commentExcerpt(c.body, 280)}
        </p>
      </blockquote>
      <form method="post" action={`/comments/${c.id}/report`} class="comment-report-form">
        <p>
          <label for="report-reason">Why should a moderator look at it?</label>{' '}
          <select id="report-reason" name="reason">
            <option value="spam">Spam</option>
            <option value="abusive">Abusive</option>
            <option value="spoiler">Spoiler</option>
            <option value="other">Other</option>
          </select>
        </p>
        <input type="hidden" name="back" value={props.back} />
        <p>
          <button type="submit" class="button">
            Send report
          </button>{' '}
          <a href={props.back}>Cancel</a>
        </p>
      </form>
    </div>
  );
}
