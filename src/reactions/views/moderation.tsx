import type { JSX } from 'preact';
import type { ReactionDef } from '../reaction-set.js';

export interface ModerationRow {
  slug: string;
  headline: string;
  status: string;
  total: number;
  counts: Record<string, number>;
}

/** Staff page: reaction totals per story, with a reset per story behind a confirmation. */
export function ReactionsModeration(props: { set: readonly ReactionDef[]; rows: ModerationRow[]; notice?: string | undefined; /** The staff session's CSRF token; absent for the admin token. */ csrf?: string | undefined }): JSX.Element {
  return (
    <div class="moderation">
      <h1>Reactions</h1>
      <p class="meta">Stories with reader reactions, most first. Resetting removes every vote on a story; readers can vote again.</p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p>No story has reactions yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="moderation-table">
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col" class="num">
                  Total
                </th>
                {props.set.map((r) => (
                  <th scope="col" class="num" title={r.label}>
                    <span aria-hidden="true">{r.emoji}</span>
                    <span class="visually-hidden">{r.label}</span>
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/articles/${row.slug}`}>{row.headline}</a>
                    {row.status !== 'published' ? <span class="badge">{row.status}</span> : null}
                  </th>
                  <td class="num">{row.total}</td>
                  {props.set.map((r) => (
                    <td class="num">{row.counts[r.key] ?? 0}</td>
                  ))}
                  <td>
                    {/* A disclosure is the confirmation step: it works without JavaScript and needs a second, explicit click. */}
                    <details class="confirm">
                      <summary>Reset…</summary>
                      <form method="post" action="/moderation/reactions/reset">
                        {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
                        <input type="hidden" name="slug" value={row.slug} />
                        <button type="submit" class="button danger">
                          Remove all {row.total} reactions
                        </button>
                      </form>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
