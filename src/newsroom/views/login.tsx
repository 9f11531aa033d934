import { CSRF_FIELD } from '../auth/session.js';

export function LoginView(props: { csrf: string; next: string; email?: string | undefined; error?: string | undefined; mailReset?: boolean }) {
  return (
    <section class="box nr-narrow">
      <h1>Newsroom sign-in</h1>
      {props.error ? <p role="alert" class="nr-error">{props.error}</p> : null}
      <form method="post" action="/newsroom/login">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <p>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ''} />
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <button class="button" type="submit">Sign in</button>
      </form>
      <p class="nr-hint">
        Forgot your password?{' '}
        {props.mailReset ? <><a href="/newsroom/forgot">Get a one-time link by email</a>, or ask an admin to print one</> : 'An admin can print a one-time reset link'} with <code>onset user reset-link &lt;email&gt;</code>.
      </p>
    </section>
  );
}

export function ResetView(props: { error?: string | undefined }) {
  return (
    <section class="box nr-narrow">
      <h1>Choose a new password</h1>
      {props.error ? <p role="alert" class="nr-error">{props.error}</p> : null}
      <form method="post">
        <p>
          <label for="password">New password (12 characters or more)</label>
          <input id="password" name="password" type="password" autocomplete="new-password" minLength={12} required />
        </p>
        <button class="button" type="submit">Set password</button>
      </form>
    </section>
  );
}

export function ForgotView(props: { csrf: string; sent?: boolean }) {
  return (
    <section class="box nr-narrow">
      <h1>Forgot your password?</h1>
      {props.sent ? (
        <p role="status">If that address belongs to a staff account, a one-time link to choose a new password is on its way. It works for an hour.</p>
      ) : (
        <form method="post" action="/newsroom/forgot">
          <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
          <p>
            <label for="email">Your staff email</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
          </p>
          <button class="button" type="submit">Send me a link</button>
        </form>
      )}
      <p><a href="/newsroom/login">Back to sign-in</a></p>
    </section>
  );
}
