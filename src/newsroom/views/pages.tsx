import type { StaffPrincipal } from '../auth/accounts.service.js';
import type { Dashboard } from '../dashboard.service.js';
import { can, ROLES } from '../permissions.js';
import { Csrf } from './shell.js';

export function DashboardView(p: { user: StaffPrincipal; d: Dashboard }) {
  const { d } = p;
  return (
    <section class="nr-dash">
      <h1>Newsroom</h1>
      <div class="nr-cards">
        {can(p.user.role, 'articles.view') ? (
          <div class="box">
            <h2>Stories</h2>
            <ul class="nr-list">
              {['draft', 'scheduled', 'published'].map((s) => (
                <li><a href={`/newsroom/articles?status=${s}`}>{d.byStatus[s] ?? 0} {s}</a></li>
              ))}
            </ul>
          </div>
        ) : null}
        {can(p.user.role, 'moderation') ? (
          <div class="box">
            <h2>Moderation</h2>
            <p><a href="/moderation/comments">{d.pendingComments} comments waiting</a></p>
          </div>
        ) : null}
        <div class="box">
          <h2>On air this week</h2>
          {d.week.length === 0 ? <p>Nothing airs this week.</p> : null}
          <ul class="nr-list">
            {d.week.map((e) => (
              <li>{e.date} {e.time} KST · {e.title} ep. {e.number}</li>
            ))}
          </ul>
        </div>
        <div class="box">
          <h2>Top stories</h2>
          <p class="nr-hint">By comments and reactions; page views are not tracked.</p>
          <h3>Comments</h3>
          <ol class="nr-list">{d.topComments.map((t) => <li>{t.headline} ({t.n})</li>)}</ol>
          <h3>Reactions</h3>
          <ol class="nr-list">{d.topReactions.map((t) => <li>{t.headline} ({t.n})</li>)}</ol>
        </div>
      </div>
    </section>
  );
}

type StoryRow = { id: number; headline: string; status: string; kind: string; published_at: string | null; updated_at: string; author_name: string | null };

export function StoryListView(p: { user: StaffPrincipal; rows: StoryRow[]; status: string | undefined }) {
  return (
    <section>
      <h1>Stories</h1>
      <p class="nr-filters">
        {['', 'draft', 'scheduled', 'published'].map((s) => (
          <a href={s ? `/newsroom/articles?status=${s}` : '/newsroom/articles'} aria-current={(p.status ?? '') === s ? 'page' : undefined}>{s || 'all'}</a>
        ))}
        {can(p.user.role, 'articles.create') ? <a class="button" href="/newsroom/articles/new">New story</a> : null}
      </p>
      <table class="nr-table">
        <thead><tr><th>Headline</th><th>Status</th><th>Kind</th><th>Byline</th><th>Updated</th></tr></thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <td><a href={`/newsroom/articles/${r.id}`}>{r.headline}</a></td>
              <td><span class={`nr-badge nr-badge-${r.status}`}>{r.status}</span></td>
              <td>{r.kind}</td>
              <td>{r.author_name ?? ''}</td>
              <td>{r.updated_at.slice(0, 16).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StaffView(p: { user: StaffPrincipal; rows: { id: number; email: string; name: string; role: string }[]; created?: { email: string; password: string } | undefined }) {
  return (
    <section>
      <h1>Staff</h1>
      {p.created ? <p role="status" class="box">Account {p.created.email} created. Its password, shown once: <code>{p.created.password}</code></p> : null}
      <table class="nr-table">
        <thead><tr><th>Email</th><th>Name</th><th>Role</th></tr></thead>
        <tbody>{p.rows.map((r) => <tr><td>{r.email}</td><td>{r.name}</td><td>{r.role}</td></tr>)}</tbody>
      </table>
      <h2>Add an account</h2>
      <form method="post" action="/newsroom/staff" class="nr-row">
        <Csrf user={p.user} />
        <p><label for="email">Email</label><input id="email" name="email" type="email" required /></p>
        <p><label for="name">Name</label><input id="name" name="name" /></p>
        <p>
          <label for="role">Role</label>
          <select id="role" name="role">{ROLES.map((r) => <option value={r}>{r}</option>)}</select>
        </p>
        <p><button class="button" type="submit">Add</button></p>
      </form>
    </section>
  );
}

export function PeopleView(p: { user: StaffPrincipal; rows: { id: number; slug: string; display_name: string; hangul_name: string | null }[] }) {
  return (
    <section>
      <h1>People</h1>
      <ul class="nr-list">
        {p.rows.map((r) => <li><a href={`/newsroom/people/${r.id}`}>{r.display_name}</a> {r.hangul_name ?? ''} <small>#{r.id}</small></li>)}
      </ul>
      <h2>Merge two records of one person</h2>
      <form method="post" action="/newsroom/people/merge" class="nr-row">
        <Csrf user={p.user} />
        <p><label for="fromId">Merge #</label><input id="fromId" name="fromId" type="number" min={1} required /></p>
        <p><label for="intoId">into #</label><input id="intoId" name="intoId" type="number" min={1} required /></p>
        <p><button class="button" type="submit">Merge</button></p>
      </form>
    </section>
  );
}

export function PersonView(p: { user: StaffPrincipal; person: { id: number; display_name: string; hangul_name: string | null; bio: string }; aliases: string[]; error?: string | undefined }) {
  return (
    <section>
      <h1>{p.person.display_name}</h1>
      {p.error ? <p role="alert" class="nr-error">{p.error}</p> : null}
      <form method="post" action={`/newsroom/people/${p.person.id}`}>
        <Csrf user={p.user} />
        <p><label for="displayName">Name</label><input id="displayName" name="displayName" required value={p.person.display_name} /></p>
        <p><label for="hangulName">Hangul name</label><input id="hangulName" name="hangulName" value={p.person.hangul_name ?? ''} /></p>
        <p><label for="aliases">Other spellings (one per line)</label><textarea id="aliases" name="aliases" rows={3}>{p.aliases.join('\n')}</textarea></p>
        <p><label for="bio">Bio</label><textarea id="bio" name="bio" rows={4}>{p.person.bio}</textarea></p>
        <button class="button" type="submit">Save</button>
      </form>
    </section>
  );
}
