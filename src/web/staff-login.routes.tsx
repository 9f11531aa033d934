import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { renderPage } from './layout.js';
import { assertSameOrigin } from './same-origin.js';
import { isStaff } from './staff-guard.js';

const COOKIE = 'onset_staff';
const SESSION_SECONDS = 8 * 3600;

function LoginForm(props: { error?: string | undefined; next: string }) {
  return (
    <section class="box" style="max-width: 28rem; margin: 2rem auto;">
      <h1 style="font-size: 1.4rem; margin-top: 0">Staff sign-in</h1>
      <p>Moderation pages are for staff. Enter the admin token set in <code>ADMIN_TOKEN</code>.</p>
      {props.error ? (
        <p role="alert" style="color: var(--link); font-weight: 600">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/moderation/login">
        <input type="hidden" name="next" value={props.next} />
        <p>
          <label for="token">Admin token</label>
          <br />
          <input id="token" name="token" type="password" autocomplete="current-password" required style="width: 100%; padding: .5rem; font: inherit" />
        </p>
        <button class="button" type="submit">
          Sign in
        </button>
      </form>
    </section>
  );
}

// Only local paths under /moderation may be the target after sign-in (no open redirect).
const safeNext = (next: string | undefined) => (next && /^\/moderation(\/[\w/-]*)?$/.test(next) ? next : '/moderation/comments');

/**
 * Sign-in for staff pages until the newsroom's accounts exist: the admin token, once checked,
 * is kept in an httpOnly, SameSite=Strict cookie that the staff guard accepts.
 */
export function staffLoginRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const page = (error: string | undefined, next: string) =>
      renderPage(ctx.site, { title: 'Staff sign-in', path: '/moderation/login', noindex: true }, <LoginForm error={error} next={next} />);

    app.get('/moderation/login', { schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(undefined, safeNext(request.query.next))),
    );

    app.post(
      '/moderation/login',
      { schema: { hide: true, body: Type.Object({ token: Type.String({ maxLength: 500 }), next: Type.Optional(Type.String({ maxLength: 200 })) }) } },
      async (request, reply) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const next = safeNext(request.body.next);
        const asBearer = { ...request, headers: { authorization: `Bearer ${request.body.token}` } } as unknown as typeof request;
        if (!isStaff(asBearer, ctx.adminToken)) {
          const message = ctx.adminToken ? 'That token is not right.' : 'No ADMIN_TOKEN is configured on this server, so staff pages are closed.';
          return reply.code(401).type('text/html; charset=utf-8').send(page(message, next));
        }
        reply.setCookie(COOKIE, request.body.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.site.publicUrl.startsWith('https:'),
          maxAge: SESSION_SECONDS,
        });
        return reply.redirect(next, 303);
      },
    );

    app.post('/moderation/logout', { schema: { hide: true } }, async (request, reply) => {
      assertSameOrigin(request, ctx.site.publicUrl);
      reply.clearCookie(COOKIE, { path: '/' });
      return reply.redirect('/', 303);
    });
  };
}
