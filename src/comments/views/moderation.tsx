import type { JSX } from 'preact';
import { DateTime } from '../../web/components.js';
import type { Queue } from '../moderation.service.js';

interface Item {
  id: number;
  article_slug: string;
  article_headline: string;
  parent_id: number | null;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  author_ip: string | null;
  body: string;
  status: string;
  status_reason: string | null;
  editor_pick: number;
  is_staff: number;
  created_at: string;
  reports: { reason: string; note: string }[];
}

const QUEUES: { key: Queue; label: string }[] = [
  { key: 'pending', label: 'Pending' },
  { key: 'reported', label: 'Reported' },
  { key: 'approved', label: 'Approved' },
  { key: 'spam', label: 'Spam' },
  { key: 'trash', label: 'Trash' },
];

function actionsFor(status: string, pick: boolean): { action: string; label: string }[] {
  const a: { action: string; label: string }[] = [];
  if (status !== 'approved') a.push({ action: 'approve', label: 'Approve' });
  if (status === 'approved') a.push({ action: 'unapprove', label: 'Unapprove' }, { action: pick ? 'unpick' : 'pick', label: pick ? "Unpin Editor's pick" : "Editor's pick" });
  if (status === 'spam' || status === 'trash') a.push({ action: 'restore', label: 'Restore' });
  if (status !== 'spam') a.push({ action: 'spam', label: 'Spam' });
  if (status !== 'trash') a.push({ action: 'trash', label: 'Trash' });
  return a;
}

/** The staff page. It shows email and IP: staff only, never cached (no-store). */
export function ModerationView(props: { queue: Queue; counts: Record<Queue, number>; items: Item[]; done: string | undefined; /** The staff session's CSRF token; absent for the admin token. */ csrf?: string | undefined }): JSX.Element {
  return (
    <div class="moderation">
      <h1>Comments</h1>
      <p>
        <a href="/moderation/comments/settings">Discussion settings</a>
      </p>
      {props.done ? <p class="form-message" role="status">Done: {props.done.replace('-', ' × ')}</p> : null}
      <nav class="moderation-queues" aria-label="Queues">
        {QUEUES.map((q) => (
          <a href={`/moderation/comments?queue=${q.key}`} aria-current={q.key === props.queue ? 'page' : undefined}>
            {q.label} <span class="badge badge-muted">{props.counts[q.key]}</span>
          </a>
        ))}
      </nav>
      {props.items.length === 0 ? <p>Nothing in this queue.</p> : null}
      <form method="post" action="/moderation/comments" id="bulk" class="moderation-bulk">
        {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
        <input type="hidden" name="queue" value={props.queue} />
        <label>
          Bulk action for the ticked comments:{' '}
          <select name="action">
            <option value="approve">Approve</option>
            <option value="spam">Spam</option>
            <option value="trash">Trash</option>
            <option value="restore">Restore</option>
          </select>
        </label>{' '}
        <button class="button button-small" type="submit">
          Apply
        </button>
      </form>
      <ol class="moderation-list">
        {props.items.map((c) => (
          <li class="moderation-item" id={`m-${c.id}`}>
            <div class="moderation-head">
              <input type="checkbox" name="ids" value={String(c.id)} form="bulk" aria-label={`Select comment ${c.id}`} />
              <strong>{c.author_name}</strong>
              {c.is_staff ? <span class="badge">Staff</span> : null}
              {c.editor_pick ? <span class="badge badge-pick">Editor's pick</span> : null}
              <span class="sub">
                {c.author_email ?? '(erased)'} · {c.author_ip ?? 'no IP'} · <DateTime iso={c.created_at} />
              </span>
            </div>
            <p class="sub">
              On <a href={`/articles/${c.article_slug}#comment-${c.id}`}>{c.article_headline}</a>
              {c.parent_id ? ` · reply to #${c.parent_id}` : ''} · status {c.status}
              {c.status_reason ? ` · ${c.status_reason}` : ''}
            </p>
            {c.reports.length ? <p class="sub">Reported: {c.reports.map((r) => r.reason + (r.note ? ` (${r.note})` : '')).join(', ')}</p> : null}
            <p class="moderation-body">{c.body}</p>
            <div class="moderation-actions">
              {actionsFor(c.status, c.editor_pick === 1).map((a) => (
                <form method="post" action="/moderation/comments">
                  {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
                  <input type="hidden" name="ids" value={String(c.id)} />
                  <input type="hidden" name="queue" value={props.queue} />
                  <button class="button button-small" name="action" value={a.action} type="submit">
                    {a.label}
                  </button>
                </form>
              ))}
              <details>
                <summary>Edit</summary>
                <form method="post" action="/moderation/comments">
                  {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
                  <input type="hidden" name="ids" value={String(c.id)} />
                  <input type="hidden" name="queue" value={props.queue} />
                  <textarea name="body" rows={4} aria-label="Comment text">
                    {c.body}
                  </textarea>
                  <button class="button button-small" name="action" value="edit" type="submit">
                    Save
                  </button>
                </form>
              </details>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
