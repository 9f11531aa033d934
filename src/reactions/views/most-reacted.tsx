import type { JSX } from 'preact';
import type { ReactionDef } from '../reaction-set.js';
import type { TopItem } from '../reactions.runtime.js';

export interface MostReactedProps {
  set: readonly ReactionDef[];
  /** Key of the reaction the list ranks by. */
  selected: string;
  items: TopItem[];
}

const TITLES: Record<string, string> = {
  love: 'Most loved this week',
  haha: 'Funniest this week',
  wow: 'Most surprising this week',
  sad: 'Saddest this week',
  angry: 'Most infuriating this week',
  scared: 'Scariest this week',
};

export function mostReactedTitle(r: ReactionDef): string {
  return TITLES[r.key] ?? `Most “${r.label}” this week`;
}

/** Home page block: the week's top stories for one reaction, with links to rank by the others. */
export function MostReacted(props: MostReactedProps): JSX.Element | null {
  const selected = props.set.find((r) => r.key === props.selected) ?? props.set[0];
  if (!selected) return null;
  return (
    <section class="most-reacted" id="most-reacted" aria-labelledby="most-reacted-title">
      <h2 class="section-title" id="most-reacted-title">
        {mostReactedTitle(selected)}
      </h2>
      <nav class="reaction-tabs" aria-label="Rank this week's stories by reaction">
        {props.set.map((r) => (
          <a href={r.key === props.set[0]?.key ? '/#most-reacted' : `/?top=${r.key}#most-reacted`} aria-current={r.key === selected.key ? 'true' : undefined}>
            <span aria-hidden="true">{r.emoji}</span> {r.label}
          </a>
        ))}
      </nav>
      {props.items.length ? (
        <ol class="most-reacted-list">
          {props.items.map((item) => (
            <li>
              <a href={`/articles/${item.slug}`}>{item.headline}</a>
              <span class="most-reacted-votes">
                <span aria-hidden="true">{selected.emoji}</span> {item.votes}
                <span class="visually-hidden"> {selected.label} {item.votes === 1 ? 'reaction' : 'reactions'}</span>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="most-reacted-empty">No “{selected.label}” reactions this week yet.</p>
      )}
    </section>
  );
}
