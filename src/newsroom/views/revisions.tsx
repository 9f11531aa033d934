import { diffLines, diffWords } from 'diff';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import type { ArticleSnapshot } from '../articles/editor.service.js';
import { Csrf } from './shell.js';

type Revision = { id: number; autosave: number; created_at: string; snapshot: string; by: string | null };
type LogRow = { id: number; actor: string; action: string; detail: string; created_at: string };
const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

export function RevisionsView(p: { user: StaffPrincipal; story: { id: number; headline: string }; revisions: Revision[]; log: LogRow[] }) {
  return (
    <section>
      <h1>Revisions of “{p.story.headline}”</h1>
      <p><a href={`/newsroom/articles/${p.story.id}`}>Back to the editor</a></p>
      <ol class="nr-list">
        {p.revisions.map((r) => (
          <li>
            <a href={`/newsroom/articles/${p.story.id}/revisions/${r.id}`}>{when(r.created_at)}</a> by {r.by ?? 'someone removed'}
            {r.autosave ? ' (autosave)' : ''}
          </li>
        ))}
      </ol>
      <h2>Who changed what</h2>
      <ol class="nr-list" data-log>
        {p.log.map((l) => (
          <li>
            {when(l.created_at)} · {l.actor} · {l.action} <small>{l.detail}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What changed between a revision and the story now: removed text struck, added text marked. */
export function DiffView(p: { user: StaffPrincipal; story: { id: number }; revision: Revision; current: ArticleSnapshot }) {
  const old = JSON.parse(p.revision.snapshot) as ArticleSnapshot;
  const field = (label: string, a: string, b: string, lines = false) => {
    const parts = lines ? diffLines(a, b) : diffWords(a, b);
    return (
      <div class="nr-diff-field">
        <h3>{label}</h3>
        <pre class="nr-diff">
          {parts.map((part) => (part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>))}
        </pre>
      </div>
    );
  };
  return (
    <section>
      <h1>Revision of {when(p.revision.created_at)}</h1>
      <p>Struck text is in this revision and not in the story now; marked text was added since.</p>
      {field('Headline', old.headline, p.current.headline)}
      {field('Dek', old.dek, p.current.dek)}
      {field('Slug', old.slug, p.current.slug)}
      {field('Story', old.body, p.current.body, true)}
      <form method="post" action={`/newsroom/articles/${p.story.id}/revisions/${p.revision.id}/restore`}>
        <Csrf user={p.user} />
        <button class="button" type="submit">Restore this revision</button> <a href={`/newsroom/articles/${p.story.id}/revisions`}>Back</a>
      </form>
    </section>
  );
}
