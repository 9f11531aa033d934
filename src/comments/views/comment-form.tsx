import type { JSX } from 'preact';
import type { FieldName } from '../comments.service.js';

export interface CommentFormState {
  values: { comment: string; author: string; email: string; url: string; remember: boolean };
  errors: Partial<Record<FieldName, string>>;
  /** A message for the whole form (the pipeline's kind words). */
  message?: string | undefined;
}

export const EMPTY_FORM: CommentFormState = { values: { comment: '', author: '', email: '', url: '', remember: false }, errors: {} };

/** The honeypot's name: a field humans never see, that form-filling bots do. */
export const HONEYPOT_FIELD = 'phone_number';

function Field(props: { id: FieldName; label: string; required?: boolean; error: string | undefined; children: JSX.Element }): JSX.Element {
  return (
    <p class={`comment-form-${props.id}${props.error ? ' has-error' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? (
          <>
            {' '}
            <span class="required" aria-hidden="true">*</span>
          </>
        ) : null}
      </label>
      {props.children}
      <span class="field-error" id={`${props.id}-error`} data-error-for={props.id} role={props.error ? 'alert' : undefined}>
        {props.error ?? ''}
      </span>
    </p>
  );
}

export function CommentForm(props: { articleSlug: string; replyTo: { id: number; name: string } | undefined; state: CommentFormState; formToken: string; page: number }): JSX.Element {
  const { values, errors } = props.state;
  const described = (f: FieldName) => (errors[f] ? `${f}-error` : undefined);
  const cancelHref = `/articles/${props.articleSlug}${props.page > 1 ? `?cpage=${props.page}` : ''}#respond`;
  return (
    <div id="respond" class="comment-respond">
      <h3 id="reply-title" class="comment-reply-title">
        {props.replyTo ? `Leave a Reply to ${props.replyTo.name}` : 'Leave a Reply'}{' '}
        <small hidden={!props.replyTo} data-cancel-reply>
          <a rel="nofollow" href={cancelHref}>
            Cancel reply
          </a>
        </small>
      </h3>
      <form
        method="post"
        action={`/articles/${props.articleSlug}/comments`}
        class="comment-form"
        id="commentform"
        novalidate
        data-comment-form
        data-api={`/api/v1/articles/${props.articleSlug}/comments`}
      >
        <p class="comment-notes">
          <span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span>
        </p>
        {props.state.message ? (
          <p class="form-message" role="alert" data-form-message>
            {props.state.message}
          </p>
        ) : (
          <p class="form-message" data-form-message hidden />
        )}
        <Field id="comment" label="Comment" required error={errors.comment}>
          <textarea id="comment" name="comment" cols={45} rows={8} maxLength={65525} required aria-invalid={errors.comment ? 'true' : undefined} aria-describedby={described('comment')}>
            {values.comment}
          </textarea>
        </Field>
        <Field id="author" label="Name" required error={errors.author}>
          <input id="author" name="author" type="text" value={values.author} size={30} maxLength={245} autocomplete="name" required aria-invalid={errors.author ? 'true' : undefined} aria-describedby={described('author')} />
        </Field>
        <Field id="email" label="Email" required error={errors.email}>
          <input id="email" name="email" type="email" value={values.email} size={30} maxLength={100} autocomplete="email" required aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'email-error' : 'email-notes'} />
        </Field>
        <Field id="url" label="Website" error={errors.url}>
          <input id="url" name="url" type="url" value={values.url} size={30} maxLength={200} autocomplete="url" aria-invalid={errors.url ? 'true' : undefined} aria-describedby={described('url')} />
        </Field>
        <p class="comment-form-cookies-consent">
          <input id="remember" name="remember" type="checkbox" value="yes" checked={values.remember} />{' '}
          <label for="remember">Save my name, email, and website in this browser for the next time I comment.</label>
        </p>
        <p class="comment-hp" aria-hidden="true">
          <label for={HONEYPOT_FIELD}>Leave this field empty</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" value="" tabIndex={-1} autocomplete="off" />
        </p>
        <input type="hidden" name="parent" value={props.replyTo ? String(props.replyTo.id) : '0'} data-parent-field />
        <input type="hidden" name="ts" value={props.formToken} />
        <p class="form-submit">
          <button type="submit" class="button" id="submit">
            Post Comment
          </button>
        </p>
      </form>
    </div>
  );
}
