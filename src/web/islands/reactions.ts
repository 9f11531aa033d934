// Reactions without a page reload. The server renders a working form (see
// src/reactions/views/widget.tsx); this island keeps its buttons and only changes how a click
// travels: a fetch to the JSON API instead of a form post.
//
// On load it asks the API for the current counts and the reader's own choice, because the page's
// HTML may come from a cache and carry old counts and nobody's choice (src/reactions/reactions.page.ts).
// A click shows its result at once (optimistic), then the server's answer replaces it; if the
// request fails, the last state the server confirmed comes back and a message says why.
import { sharesOf } from '../../reactions/reaction-set.js';
import { announcementText, summaryText } from '../../reactions/views/summary.js';

interface ReactionCount {
  key: string;
  label: string;
  count: number;
  share: number;
}
interface State {
  total: number;
  reactions: ReactionCount[];
  myVote: string | null;
}

export function enhanceReactions(root: ParentNode): void {
  for (const section of root.querySelectorAll<HTMLElement>('section[data-reactions]')) enhance(section);
}

function enhance(section: HTMLElement): void {
  const api = section.dataset.reactions;
  const form = section.querySelector('form');
  const buttons = [...section.querySelectorAll<HTMLButtonElement>('button[data-key]')];
  const summary = section.querySelector<HTMLElement>('[data-summary]');
  const live = section.querySelector<HTMLElement>('[data-live]');
  if (!api || !form || buttons.length === 0) return;

  // The state as rendered by the server: the starting point and the first "confirmed" state.
  let shown: State = {
    reactions: buttons.map((b) => ({
      key: b.dataset.key!,
      label: b.querySelector('.reaction-label')?.textContent ?? b.dataset.key!,
      count: Number(b.querySelector('[data-count]')?.textContent ?? 0) || 0,
      share: 0,
    })),
    total: 0,
    myVote: buttons.find((b) => b.getAttribute('aria-pressed') === 'true')?.dataset.key ?? null,
  };
  shown = withTotals(shown);
  let confirmed = shown;
  let pending = 0;
  let queue: Promise<void> = Promise.resolve();

  function render(state: State): void {
    shown = state;
    for (const button of buttons) {
      const r = state.reactions.find((x) => x.key === button.dataset.key);
      if (!r) continue;
      const pressed = state.myVote === r.key;
      button.setAttribute('aria-pressed', String(pressed));
      // Kept in step with the no-JS form, in case a later click falls back to posting it.
      button.name = pressed ? 'withdraw' : 'reaction';
      button.style.setProperty('--share', `${r.share}%`);
      const count = button.querySelector('[data-count]');
      if (count) count.textContent = String(r.count);
      const share = button.querySelector('[data-share]');
      if (share) share.textContent = `${r.share}%`;
    }
    if (summary) summary.textContent = summaryText(state);
  }

  function say(text: string, isError: boolean): void {
    if (!live) return;
    live.classList.toggle('is-error', isError);
    live.textContent = text;
  }

  /** Adopts a state from the server, keeping labels from the page (the set is the server's). */
  function fromServer(body: { total: number; myVote: string | null; reactions: { key: string; count: number; share: number }[] }): State {
    return {
      total: body.total,
      myVote: body.myVote,
      reactions: shown.reactions.map((r) => {
        const s = body.reactions.find((x) => x.key === r.key);
        return { ...r, count: s?.count ?? 0, share: s?.share ?? 0 };
      }),
    };
  }

  // Fresh counts and this reader's choice, whatever the age of the HTML.
  fetch(api, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then((res) => (res.ok ? res.json() : undefined))
    .then((body) => {
      if (!body || pending > 0) return;
      confirmed = fromServer(body);
      render(confirmed);
    })
    .catch(() => {
      /* The server-rendered counts stay; a click still works. */
    });

  form.addEventListener('submit', (event) => {
    const button = (event as SubmitEvent).submitter;
    // Without a known submitter (very old browsers) the form simply posts.
    if (!(button instanceof HTMLButtonElement) || !button.dataset.key) return;
    event.preventDefault();
    const key = button.dataset.key;
    const next = shown.myVote === key ? null : key;
    render(moveVote(shown, next));
    say(announcementText(shown), false);
    pending++;
    queue = queue.then(async () => {
      try {
        const res = await fetch(api, {
          method: next === null ? 'DELETE' : 'PUT',
          credentials: 'same-origin',
          headers: next === null ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
          body: next === null ? undefined : JSON.stringify({ reaction: next }),
        });
        const body = await res.json().catch(() => undefined);
        if (!res.ok || !body) throw new Error(body?.message ?? `The server answered ${res.status}. Please try again.`);
        confirmed = fromServer(body);
        if (--pending === 0) render(confirmed);
      } catch (err) {
        pending--;
        render(confirmed);
        // The server's message says what to do; a network failure (TypeError from fetch) gets ours.
        const why = err instanceof Error && !(err instanceof TypeError) ? err.message : 'The connection failed. Please try again.';
        say(`Your reaction was not saved. ${why}`, true);
      }
    });
  });
}

function withTotals(state: State): State {
  const counts = state.reactions.map((r) => r.count);
  const shares = sharesOf(counts);
  return { ...state, total: counts.reduce((a, b) => a + b, 0), reactions: state.reactions.map((r, i) => ({ ...r, share: shares[i]! })) };
}

/** The state after the reader moves their vote to `next` (null withdraws), as the server will count it. */
function moveVote(state: State, next: string | null): State {
  const reactions = state.reactions.map((r) => ({
    ...r,
    count: r.count - (r.key === state.myVote ? 1 : 0) + (r.key === next ? 1 : 0),
  }));
  return withTotals({ ...state, reactions, myVote: next });
}
