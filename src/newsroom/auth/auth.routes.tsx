// Sign-in, sign-out and password reset for staff. These routes are open (they are how one gets
// in); a pre-session CSRF token in a signed cookie protects the sign-in form against login CSRF.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { renderPage } from '../../web/layout.js';
import { assertSameOrigin } from '../../web/same-origin.js';
import { resetPassword, signIn, signOut } from './accounts.service.js';
import { randomToken } from './password.js';
import { CsrfError, CSRF_FIELD, hasValidCsrf, SESSION_COOKIE, sessionCookieOptions } from './session.js';
import { ForgotView, LoginView, ResetView } from '../views/login.js';
import type { Mailer } from './mailer.js';
import { prepareResetMail, sendResetMail } from './reset-mail.service.js';

const LOGIN_CSRF_COOKIE = 'onset_login_csrf';

// Only local newsroom or moderation paths may follow sign-in (no open redirect).
export const safeNext = (next: string | undefined): string => (next && /^\/(newsroom|moderation)(\/[\w/-]*)?$/.test(next) ? next : '/newsroom');

/** `mailer`: when SMTP is configured, a forgotten password can be reset by a link sent by email. */
export function authRoutes(ctx: AppContext, mailer?: Mailer): FastifyPluginAsyncTypebox {
  return async (app) => {
    const deps = { db: ctx.db.kysely, clock: ctx.clock };
    const html = (reply: FastifyReply, code: number, title: string, body: preact.JSX.Element) =>
      reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(ctx.site, { title, path: '/newsroom/login', noindex: true }, body));

    const loginToken = (request: FastifyRequest, reply: FastifyReply): string => {
      const existing = request.cookies[LOGIN_CSRF_COOKIE] && request.unsignCookie(request.cookies[LOGIN_CSRF_COOKIE]!);
      if (existing && existing.valid && existing.value) return existing.value;
      const token = randomToken();
      reply.setCookie(LOGIN_CSRF_COOKIE, token, { path: '/newsroom', httpOnly: true, sameSite: 'lax', secure: ctx.site.publicUrl.startsWith('https:'), signed: true });
      return token;
    };

    app.get('/newsroom/login', { schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 200 })) }) } }, async (request, reply) =>
      html(reply, 200, 'Newsroom sign-in', <LoginView csrf={loginToken(request, reply)} next={safeNext(request.query.next)} mailReset={!!mailer} />),
    );

    app.post(
      '/newsroom/login',
      { schema: { hide: true, body: Type.Object({ email: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 500 }), next: Type.Optional(Type.String({ maxLength: 200 })), [CSRF_FIELD]: Type.Optional(Type.String({ maxLength: 100 })) }) } },
      async (request, reply) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const cookie = request.cookies[LOGIN_CSRF_COOKIE] ? request.unsignCookie(request.cookies[LOGIN_CSRF_COOKIE]!) : undefined;
        if (!cookie?.valid || !cookie.value || !hasValidCsrf(request, cookie.value)) throw new CsrfError();
        const next = safeNext(request.body.next);
        try {
          const { token } = await signIn({ email: request.body.email, password: request.body.password, ip: request.ip }, deps);
          reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx.site.publicUrl));
          return reply.redirect(next, 303);
        } catch (err) {
          const code = (err as { statusCode?: number }).statusCode;
          if (code !== 400 && code !== 429) throw err;
          return html(reply, code === 429 ? 429 : 401, 'Newsroom sign-in', <LoginView csrf={cookie.value} next={next} email={request.body.email} error={(err as Error).message} mailReset={!!mailer} />);
        }
      },
    );

    app.post('/newsroom/logout', { schema: { hide: true } }, async (request, reply) => {
      assertSameOrigin(request, ctx.site.publicUrl);
      const token = request.cookies[SESSION_COOKIE];
      if (request.staff && !hasValidCsrf(request, request.staff.csrfToken)) throw new CsrfError();
      if (token) await signOut(token, deps);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/newsroom/login', 303);
    });

    app.get('/newsroom/forgot', { schema: { hide: true } }, async (request, reply) =>
      mailer ? html(reply, 200, 'Forgot your password?', <ForgotView csrf={loginToken(request, reply)} />) : reply.callNotFound(),
    );
    app.post(
      '/newsroom/forgot',
      { schema: { hide: true, body: Type.Object({ email: Type.String({ maxLength: 200 }), [CSRF_FIELD]: Type.Optional(Type.String({ maxLength: 100 })) }) } },
      async (request, reply) => {
        if (!mailer) return reply.callNotFound();
        assertSameOrigin(request, ctx.site.publicUrl);
        const cookie = request.cookies[LOGIN_CSRF_COOKIE] ? request.unsignCookie(request.cookies[LOGIN_CSRF_COOKIE]!) : undefined;
        if (!cookie?.valid || !cookie.value || !hasValidCsrf(request, cookie.value)) throw new CsrfError();
        const mail = await prepareResetMail({ email: request.body.email }, { ...deps, publicUrl: ctx.site.publicUrl, siteName: ctx.site.name });
        // Sent after the answer: neither the answer nor the SMTP round trip tells whether the address has an account.
        void sendResetMail(mail, mailer).catch((err: unknown) => request.log.error({ err }, 'could not send a password reset mail'));
        return html(reply, 200, 'Check your mail', <ForgotView csrf={cookie.value} sent />);
      },
    );

    const ResetParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) });
    app.get('/newsroom/reset/:token', { schema: { hide: true, params: ResetParams } }, async (_request, reply) => html(reply, 200, 'Choose a new password', <ResetView />));
    app.post(
      '/newsroom/reset/:token',
      { schema: { hide: true, params: ResetParams, body: Type.Object({ password: Type.String({ maxLength: 500 }) }) } },
      async (request, reply) => {
        // The one-time token in the URL is itself the proof; a forged cross-site post cannot know it.
        assertSameOrigin(request, ctx.site.publicUrl);
        try {
          await resetPassword({ token: request.params.token, password: request.body.password }, deps);
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode !== 400) throw err;
          return html(reply, 400, 'Choose a new password', <ResetView error={(err as Error).message} />);
        }
        return reply.redirect('/newsroom/login', 303);
      },
    );
  };
}
