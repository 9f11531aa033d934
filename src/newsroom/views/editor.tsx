import type { EntityRef } from '../../catalog/names.js';
import { ARTICLE_KINDS } from '../../articles/articles.table.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { can } from '../permissions.js';
import type { ArticleSnapshot } from '../articles/editor.service.js';
import { Csrf } from './shell.js';

export interface EditorProps {
  user: StaffPrincipal;
  id?: number | undefined;
  snapshot: ArticleSnapshot;
  status: string;
  publishedAt: string | null;
  suggestions: EntityRef[];
  /** Dramas with a weekly slot, for "at the next air time of". */
  airDramas: { slug: string; title: string }[];
  zones: string[];
  /**
   * What the schedule fields show: the wall time and zone an editor typed (a refused form), or a
   * scheduled story's instant in the default zone, which the island re-reads in the browser's zone.
   */
  schedule?: { local: string; zone: string; airDrama: string; instant?: string | undefined } | undefined;
  error?: string | undefined;
  saved?: boolean | undefined;
  lintAvailable: boolean;
}

const KIND_LABEL: Record<string, string> = { news: 'News', watch: 'Watch', feature: 'Feature' };

export function EditorView(p: EditorProps) {
  const s = p.snapshot;
  const action = p.id ? `/newsroom/articles/${p.id}` : '/newsroom/articles';
  const mayPublish = can(p.user.role, 'articles.publish');
  const confirmed = new Set(s.entities);
  return (
    <form method="post" action={action} class="nr-editor" data-editor data-preview-url="/newsroom/api/preview" data-autosave-url={action}>
      <Csrf user={p.user} />
      <div class="nr-editor-head">
        <h1>{p.id ? 'Edit story' : 'New story'}</h1>
        <p class="nr-status">
          <span class={`nr-badge nr-badge-${p.status}`}>{p.status}</span>
          {p.publishedAt ? <> · live {p.status === 'scheduled' ? 'from' : 'since'} <time datetime={p.publishedAt}>{p.publishedAt.replace('T', ' ').slice(0, 16)} UTC</time></> : null}
          <span class="nr-saved" data-save-state aria-live="polite">{p.saved ? 'Saved' : ''}</span>
        </p>
      </div>
      {p.error ? <p role="alert" class="nr-error">{p.error}</p> : null}
      <div class="nr-editor-grid">
        <div class="nr-editor-main">
          <p>
            <label for="headline">Headline</label>
            <input id="headline" name="headline" required maxLength={300} value={s.headline} />
          </p>
          <p>
            <label for="dek">Dek</label>
            <input id="dek" name="dek" maxLength={500} value={s.dek} />
          </p>
          <div class="nr-row">
            <p>
              <label for="kind">Kind</label>
              <select id="kind" name="kind">
                {ARTICLE_KINDS.map((k) => (
                  <option value={k} selected={k === s.kind}>{KIND_LABEL[k]}</option>
                ))}
              </select>
            </p>
            <p class="nr-grow">
              <label for="slug">Slug <small>(from the headline when empty)</small></label>
              <input id="slug" name="slug" maxLength={200} value={s.slug} pattern="[a-z0-9-]*" />
            </p>
          </div>
          <div class="nr-body">
            <p>
              <label for="body">Story (Markdown)</label>
              <textarea id="body" name="body" rows={18} data-lint={p.lintAvailable ? '' : undefined}>{s.body}</textarea>
            </p>
            <section class="nr-preview" aria-label="Preview" data-preview hidden>
              <h2 class="nr-preview-title">Preview</h2>
              <div data-preview-body class="article-body" />
            </section>
          </div>
        </div>
        <aside class="nr-editor-side">
          <fieldset>
            <legend>Names in this story</legend>
            <div data-suggestions>
              {p.suggestions.length === 0 ? <p class="nr-hint">No known people, dramas or roles yet. Save to look again.</p> : null}
              {p.suggestions.map((e) => (
                <label class="nr-check">
                  <input type="checkbox" name="entities" value={`${e.type}:${e.id}`} checked={confirmed.has(`${e.type}:${e.id}`)} /> {e.name} <small>({e.type})</small>
                </label>
              ))}
            </div>
            <p class="nr-hint">Tick a name to link it to its page.</p>
          </fieldset>
          <fieldset>
            <legend>Lead image</legend>
            <p>
              <label for="leadImageUrl">Image URL</label>
              <input id="leadImageUrl" name="leadImageUrl" type="url" value={s.leadImageUrl} />
            </p>
            <p>
              <label for="leadImageAlt">Text alternative</label>
              <input id="leadImageAlt" name="leadImageAlt" maxLength={300} value={s.leadImageAlt} />
            </p>
          </fieldset>
          <p>
            <label for="tags">Tags <small>(comma-separated)</small></label>
            <input id="tags" name="tags" value={s.tags.join(', ')} />
          </p>
          {mayPublish ? (
            <fieldset>
              <legend>Schedule</legend>
              <p>
                <label for="publishLocal">Publish at</label>
                <input id="publishLocal" name="publishLocal" type="datetime-local" value={p.schedule?.local ?? ''} data-instant={p.schedule?.instant} aria-describedby="publishLocal-hint" />
                <small id="publishLocal-hint" class="nr-hint">A time in the future, in the zone below.</small>
              </p>
              <p>
                <label for="publishZone">Time zone</label>
                <select id="publishZone" name="publishZone" data-browser-zone={p.schedule && !p.schedule.instant ? undefined : true}>
                  {p.zones.map((z) => (
                    <option value={z} selected={z === (p.schedule?.zone ?? 'Asia/Seoul')}>{z}</option>
                  ))}
                </select>
              </p>
              <p>
                <label for="airDrama">…or at the next air time of</label>
                <select id="airDrama" name="airDrama">
                  <option value="">(choose a drama)</option>
                  {p.airDramas.map((d) => (
                    <option value={d.slug} selected={d.slug === p.schedule?.airDrama}>{d.title}</option>
                  ))}
                </select>
              </p>
              <button class="button nr-secondary" type="submit" name="action" value="schedule">Schedule</button>
            </fieldset>
          ) : null}
          <div class="nr-actions">
            <button class="button" type="submit" name="action" value="save" data-shortcut="save">Save</button>
            {mayPublish ? <button class="button" type="submit" name="action" value="publish" data-shortcut="publish">Publish now</button> : null}
            {mayPublish && p.status !== 'draft' ? <button class="button nr-secondary" type="submit" name="action" value="unpublish">Unpublish</button> : null}
          </div>
          {mayPublish && p.lintAvailable ? (
            <p class="nr-hint">
              <label>
                <input type="checkbox" name="lintConfirmed" value="1" data-lint-confirm /> Publish even with linter errors
              </label>
            </p>
          ) : null}
          <p class="nr-hint">
            Shortcuts: <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>S</kbd> saves{mayPublish ? <>, <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> publishes</> : null}. Changes are saved every few seconds while you type.
          </p>
          {p.id ? (
            <p>
              <a href={`/newsroom/articles/${p.id}/revisions`}>Revisions and history</a>
            </p>
          ) : null}
        </aside>
      </div>
    </form>
  );
}
