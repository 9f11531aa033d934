import type { JSX } from 'preact';
import type { ReactionState } from '../reactions.service.js';
import { summaryText } from './summary.js';

export interface ReactionWidgetProps {
  slug: string;
  state: ReactionState;
}

/**
 * The reaction widget under a story. Without JavaScript it is a plain form: each reaction is a
 * submit button (name=reaction to choose it, name=withdraw on the reader's current choice), and the
 * server answers 303 back to #reactions. The island (src/web/islands/reactions.ts) takes over the
 * same buttons and talks to the JSON API named in data-reactions.
 */
export function ReactionWidget(props: ReactionWidgetProps): JSX.Element {
  const { slug, state } = props;
  return (
    <section id="reactions" class="reactions" aria-labelledby="reactions-title" data-reactions={`/api/v1/articles/${slug}/reactions`}>
      <h2 id="reactions-title">How does this article make you feel?</h2>
      <form class="reaction-list" method="post" action={`/articles/${slug}/reactions`}>
        {state.reactions.map((r) => {
          const pressed = state.myVote === r.key;
          return (
            <button
              type="submit"
              class="reaction"
              name={pressed ? 'withdraw' : 'reaction'}
              value={r.key}
              aria-pressed={pressed ? 'true' : 'false'}
              data-key={r.key}
              style={`--share: ${r.share}%`}
            >
              <span class="reaction-emoji" aria-hidden="true">
                {r.emoji}
              </span>
              <span class="reaction-label">{r.label}</span>
              <span class="reaction-count">
                <span data-count="">{r.count}</span>
                <span class="visually-hidden"> {r.count === 1 ? 'vote' : 'votes'},</span>
              </span>
              <span class="reaction-share" data-share="">
                {r.share}%
              </span>
            </button>
          );
        })}
      </form>
      <p class="reactions-summary" data-summary="">
        {summaryText(state)}
      </p>
      {/* Announces the outcome of a click (and any failure) to screen readers; shown for failures. */}
      <p class="reactions-live" role="status" aria-live="polite" data-live="" />
    </section>
  );
}
