// Knowledge-base screens of the newsroom: dramas (facts, cast, schedule) and networks. Plain forms
// that work without JavaScript; a refused form comes back with what was typed and a message
// beside each field that needs fixing.
import type { ComponentChildren } from 'preact';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { ROLE_BILLINGS } from '../../catalog/catalog.table.js';
import { SOURCE_TYPES, type DramaForm } from '../kb/dramas.service.js';
import type { NetworkForm } from '../kb/networks.service.js';
import type { RoleForm } from '../kb/roles.service.js';
import type { ScheduleForm } from '../kb/schedule-edit.service.js';
import { Csrf } from './shell.js';

export type Errors = Record<string, string>;
type Option = { value: string; label: string };

/** One labelled field; its error (if any) is announced with it. */
function Field(p: { name: string; label: string; value: string; errors: Errors | undefined; type?: 'text' | 'number' | 'date'; rows?: number; options?: Option[]; hint?: string; required?: boolean; prefix?: string; list?: string }) {
  const id = `${p.prefix ?? ''}${p.name}`;
  const error = p.errors?.[p.name];
  const described = [error ? `${id}-error` : '', p.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: p.name, ...(error ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}), ...(p.required ? { required: true } : {}), ...(p.list ? { list: p.list } : {}) };
  return (
    <p class={error ? 'nr-field nr-field-invalid' : 'nr-field'}>
      <label for={id}>{p.label}</label>
      {p.options ? (
        <select {...common}>{p.options.map((o) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>)}</select>
      ) : p.rows ? (
        <textarea {...common} rows={p.rows}>{p.value}</textarea>
      ) : p.type === 'number' ? (
        <input {...common} type="number" inputMode="numeric" value={p.value} />
      ) : p.type === 'date' ? (
        <input {...common} type="date" value={p.value} />
      ) : (
        <input {...common} type="text" value={p.value} />
      )}
      {p.hint ? <small id={`${id}-hint`} class="nr-hint">{p.hint}</small> : null}
      {error ? <small id={`${id}-error`} class="nr-error">{error}</small> : null}
    </p>
  );
}

function Alert(p: { error?: string | undefined; saved?: boolean | undefined }) {
  if (p.error) return <p role="alert" class="nr-error">{p.error}</p>;
  return p.saved ? <p role="status" class="nr-saved-note">Saved.</p> : null;
}

export function DramasView(p: { rows: { id: number; slug: string; title: string; year: number | null; network: string | null }[] }) {
  return (
    <section>
      <h1>Dramas</h1>
      <p class="nr-filters"><a class="button" href="/newsroom/dramas/new">New drama</a> <a href="/newsroom/networks">Networks</a></p>
      <table class="nr-table">
        <thead><tr><th>Title</th><th>Year</th><th>Network</th><th>Page</th></tr></thead>
        <tbody>
          {p.rows.map((r) => (
            <tr><td><a href={`/newsroom/dramas/${r.id}`}>{r.title}</a></td><td>{r.year ?? ''}</td><td>{r.network ?? ''}</td><td><a href={`/dramas/${r.slug}`}>/dramas/{r.slug}</a></td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface DramaPageProps {
  user: StaffPrincipal;
  id?: number | undefined;
  slug?: string | undefined;
  form: DramaForm;
  networks: { id: number; name: string }[];
  errors?: Errors | undefined;
  error?: string | undefined;
  saved?: boolean | undefined;
  /** Only for a stored drama. */
  schedule?: { form: ScheduleForm; errors?: Errors | undefined; zone: string } | undefined;
  roles?: { rows: RoleRow[]; people: { id: number; name: string }[]; newForm: RoleForm; newErrors?: Errors | undefined; editing?: { id: number; errors: Errors; form: RoleForm } | undefined } | undefined;
}
export type RoleRow = { id: number; person_id: number; person: string; character_name: string; billing: string; billing_order: number; aliases: string[] };

export function DramaEditView(p: DramaPageProps) {
  const f = p.form;
  const e = p.errors;
  return (
    <section class="nr-kb">
      <h1>{p.id ? f.title || 'Drama' : 'New drama'}</h1>
      {p.slug ? <p><a href={`/dramas/${p.slug}`}>See the public page</a> · <a href="/newsroom/dramas">All dramas</a></p> : null}
      <Alert error={p.error} saved={p.saved} />
      <form method="post" action={p.id ? `/newsroom/dramas/${p.id}` : '/newsroom/dramas'} class="nr-kb-form" novalidate>
        <Csrf user={p.user} />
        <div class="nr-kb-grid">
          <Field name="title" label="Title" value={f.title} errors={e} required />
          <Field name="nativeTitle" label="Native title" value={f.nativeTitle} errors={e} hint="In Hangul, e.g. 알고있지만" />
          <Field name="networkId" label="Network" value={f.networkId} errors={e} options={[{ value: '', label: '(none)' }, ...p.networks.map((n) => ({ value: String(n.id), label: n.name }))]} />
          <Field name="year" label="Year" value={f.year} errors={e} type="number" />
          <Field name="episodes" label="Episodes" value={f.episodes} errors={e} type="number" />
          <Field name="runtimeMinutes" label="Runtime (minutes)" value={f.runtimeMinutes} errors={e} type="number" />
          <Field name="firstAirDate" label="First air date" value={f.firstAirDate} errors={e} type="date" />
          <Field name="lastAirDate" label="Last air date" value={f.lastAirDate} errors={e} type="date" />
        </div>
        <Field name="genres" label="Genres" value={f.genres} errors={e} hint="Comma-separated, e.g. Romance, Drama" />
        <Field name="aliases" label="Other titles" value={f.aliases} errors={e} rows={2} hint="One per line; the linker finds these too" />
        <Field name="synopsis" label="Synopsis" value={f.synopsis} errors={e} rows={5} />
        <fieldset>
          <legend>Based on</legend>
          <div class="nr-kb-grid">
            <Field name="sourceTitle" label="Source work" value={f.sourceTitle} errors={e} />
            <Field name="sourceType" label="Kind" value={f.sourceType} errors={e} list="nr-source-types" hint="e.g. webtoon; empty for an original" />
            <Field name="sourceCreator" label="Creator" value={f.sourceCreator} errors={e} />
          </div>
        </fieldset>
        <datalist id="nr-source-types">{SOURCE_TYPES.map((t) => <option value={t} />)}</datalist>
        <Field name="posterUrl" label="Poster image" value={f.posterUrl} errors={e} hint="An https:// URL or a path on this site" />
        <Field name="platforms" label="Where to watch" value={f.platforms} errors={e} rows={3} hint='One per line: "Service | https://watch-link"' />
        <button class="button" type="submit">{p.id ? 'Save drama' : 'Create drama'}</button>
      </form>
      {p.id && p.schedule ? <ScheduleSection id={p.id} user={p.user} {...p.schedule} /> : null}
      {p.id && p.roles ? <CastSection id={p.id} user={p.user} {...p.roles} /> : null}
    </section>
  );
}

function ScheduleSection(p: { id: number; user: StaffPrincipal; form: ScheduleForm; errors?: Errors | undefined; zone: string }) {
  return (
    <section class="box nr-kb-section" id="schedule">
      <h2>Air schedule</h2>
      <p class="nr-hint">Times are in the network's zone ({p.zone}). Readers see them in their own.</p>
      <form method="post" action={`/newsroom/dramas/${p.id}/schedule`}>
        <Csrf user={p.user} />
        <div class="nr-kb-grid">
          <Field name="slots" label="Weekly slots" value={p.form.slots} errors={p.errors} rows={3} hint='e.g. "Sat 23:00"' />
          <Field name="breaks" label="Breaks" value={p.form.breaks} errors={p.errors} rows={3} hint='A slot that does not air: "2021-07-10 Olympic coverage"' />
          <Field name="specials" label="Specials" value={p.form.specials} errors={p.errors} rows={3} hint='An extra broadcast: "2021-08-01 22:00 Special episode"' />
        </div>
        <button class="button" type="submit">Save schedule</button>
      </form>
    </section>
  );
}

function RoleFields(p: { form: RoleForm; errors?: Errors | undefined; people: { id: number; name: string }[]; prefix: string; children?: ComponentChildren }) {
  const e = p.errors;
  return (
    <div class="nr-kb-grid">
      <Field prefix={p.prefix} name="personId" label="Person" value={p.form.personId} errors={e} options={[{ value: '', label: '(choose)' }, ...p.people.map((x) => ({ value: String(x.id), label: x.name }))]} />
      <Field prefix={p.prefix} name="characterName" label="Character" value={p.form.characterName} errors={e} />
      <Field prefix={p.prefix} name="characterAliases" label="Other spellings" value={p.form.characterAliases} errors={e} rows={2} />
      <Field prefix={p.prefix} name="billing" label="Billing" value={p.form.billing} errors={e} options={ROLE_BILLINGS.map((b) => ({ value: b, label: b }))} />
      <Field prefix={p.prefix} name="billingOrder" label="Order" value={p.form.billingOrder} errors={e} type="number" hint="1 is top-billed" />
      {p.children}
    </div>
  );
}

function CastSection(p: { id: number; user: StaffPrincipal; rows: RoleRow[]; people: { id: number; name: string }[]; newForm: RoleForm; newErrors?: Errors | undefined; editing?: { id: number; errors: Errors; form: RoleForm } | undefined }) {
  return (
    <section class="box nr-kb-section" id="cast">
      <h2>Cast</h2>
      {p.rows.map((r) => {
        const editing = p.editing?.id === r.id ? p.editing : undefined;
        const form: RoleForm = editing?.form ?? { personId: String(r.person_id), characterName: r.character_name, characterAliases: r.aliases.join('\n'), billing: r.billing, billingOrder: String(r.billing_order) };
        return (
          <details class="nr-kb-role" open={!!editing} id={`role-${r.id}`}>
            <summary>{r.person} as {r.character_name} <small>({r.billing}, {r.billing_order})</small></summary>
            <form method="post" action={`/newsroom/dramas/${p.id}/roles/${r.id}`}>
              <Csrf user={p.user} />
              <RoleFields form={form} errors={editing?.errors} people={p.people} prefix={`role${r.id}-`} />
              <div class="nr-actions">
                <button class="button" type="submit">Save role</button>
                <button class="button nr-secondary" type="submit" formaction={`/newsroom/dramas/${p.id}/roles/${r.id}/delete`}>Remove role</button>
              </div>
            </form>
          </details>
        );
      })}
      <h3>Add a role</h3>
      <form method="post" action={`/newsroom/dramas/${p.id}/roles`}>
        <Csrf user={p.user} />
        <RoleFields form={p.newForm} errors={p.newErrors} people={p.people} prefix="new-" />
        <button class="button" type="submit">Add role</button>
      </form>
    </section>
  );
}

export function NetworksView(p: { user: StaffPrincipal; rows: { id: number; name: string; time_zone: string; country: string; dramas: number }[]; form: NetworkForm; errors?: Errors | undefined; editing?: { id: number; form: NetworkForm; errors: Errors } | undefined; error?: string | undefined; saved?: boolean | undefined }) {
  return (
    <section class="nr-kb">
      <h1>Networks</h1>
      <Alert error={p.error} saved={p.saved} />
      {p.rows.map((r) => {
        const editing = p.editing?.id === r.id ? p.editing : undefined;
        const f = editing?.form ?? { name: r.name, timeZone: r.time_zone, country: r.country };
        return (
          <form method="post" action={`/newsroom/networks/${r.id}`} class="nr-row nr-kb-network">
            <Csrf user={p.user} />
            <Field prefix={`n${r.id}-`} name="name" label="Name" value={f.name} errors={editing?.errors} />
            <Field prefix={`n${r.id}-`} name="timeZone" label="Time zone" value={f.timeZone} errors={editing?.errors} />
            <Field prefix={`n${r.id}-`} name="country" label="Country" value={f.country} errors={editing?.errors} />
            <p><button class="button" type="submit">Save</button> <small class="nr-hint">{r.dramas === 1 ? '1 drama' : `${r.dramas} dramas`}</small></p>
          </form>
        );
      })}
      <h2>Add a network</h2>
      <p class="nr-hint">The time zone is an IANA name, such as Asia/Seoul: the air times of the network's dramas are read in it.</p>
      <form method="post" action="/newsroom/networks" class="nr-row nr-kb-network">
        <Csrf user={p.user} />
        <Field prefix="new-" name="name" label="Name" value={p.form.name} errors={p.errors} />
        <Field prefix="new-" name="timeZone" label="Time zone" value={p.form.timeZone} errors={p.errors} />
        <Field prefix="new-" name="country" label="Country" value={p.form.country} errors={p.errors} />
        <p><button class="button" type="submit">Add</button></p>
      </form>
    </section>
  );
}
