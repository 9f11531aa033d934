import type { JSX } from 'preact';
import { SETTING_GROUPS, type SettingField, type SettingsFormValues } from '../settings.form.js';

function Field(props: { f: SettingField; value: string; error: string | undefined }): JSX.Element {
  const { f, error } = props;
  const id = `s-${f.key}`;
  const describedBy = [f.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const help = f.help ? <span class="settings-help" id={`${id}-help`}>{f.help}</span> : null;
  const err = error ? (
    <span class="field-error" id={`${id}-error`} role="alert">
      {error}
    </span>
  ) : null;
  if (f.kind === 'bool') {
    return (
      <div class="settings-field settings-check">
        <input type="checkbox" id={id} name={f.key} value="on" checked={props.value === 'on'} aria-describedby={describedBy} />
        <label for={id}>{f.label}</label>
        {help}
      </div>
    );
  }
  return (
    <div class={`settings-field${error ? ' has-error' : ''}`}>
      <label for={id}>{f.label}</label>
      {f.kind === 'list' ? (
        <textarea id={id} name={f.key} rows={4} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
          {props.value}
        </textarea>
      ) : (
        <input id={id} name={f.key} type="text" inputMode={f.kind === 'int' ? 'numeric' : 'decimal'} value={props.value} size={8} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
      )}
      {help}
      {err}
    </div>
  );
}

/** Staff page: the discussion settings as one form. */
export function SettingsView(props: { values: SettingsFormValues; errors: Partial<Record<string, string>>; saved: boolean; /** The staff session's CSRF token; absent for the admin token. */ csrf?: string | undefined }): JSX.Element {
  const failed = Object.keys(props.errors).length > 0;
  return (
    <div class="moderation settings-page">
      <p>
        <a href="/moderation/comments">← Moderation queue</a>
      </p>
      <h1>Discussion settings</h1>
      {props.saved ? (
        <p class="form-message" role="status">
          Settings saved. They apply to the next comment and the next page load.
        </p>
      ) : null}
      {failed ? (
        <p class="form-message form-message-error" role="alert">
          Nothing was saved: please correct the fields marked below.
        </p>
      ) : null}
      <form method="post" action="/moderation/comments/settings" class="settings-form" novalidate>
        {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
        {SETTING_GROUPS.map((g) => (
          <fieldset>
            <legend>{g.title}</legend>
            {g.fields.map((f) => (
              <Field f={f} value={props.values[f.key]} error={props.errors[f.key]} />
            ))}
          </fieldset>
        ))}
        <button class="button" type="submit">
          Save settings
        </button>
      </form>
    </div>
  );
}
