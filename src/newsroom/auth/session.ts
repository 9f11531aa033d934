// Staff sessions at the HTTP edge: the cookie, the per-request principal, CSRF tokens and the
// one guard that every newsroom route passes.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { can, type Permission } from '../permissions.js';
import { findSession, SESSION_HOURS, type StaffPrincipal } from './accounts.service.js';

export const SESSION_COOKIE = 'onset_session';
/** Form field and header that carry the session's CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff user, when the request carries a live session cookie. */
    staff: StaffPrincipal | null;
    /** How a staff-only route let this request in (src/web/staff-guard.ts admitStaff). */
    staffVia?: 'token' | 'session';
  }
  interface FastifyContextConfig {
    /** What the newsroom guard requires for this route. */
    permission?: Permission;
  }
}

export function sessionCookieOptions(publicUrl: string) {
  // Lax, not Strict: a link to /newsroom from mail or chat should open signed in. Lax still keeps
  // the cookie off cross-site POSTs, and every write also checks the CSRF token.
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: publicUrl.startsWith('https:'), maxAge: SESSION_HOURS * 3600 };
}

/** Root-level hook: reads the session cookie once per request, for the guard and the staff guard. */
export function registerStaffSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    request.staff = (await findSession(token, { db: ctx.db.kysely, clock: ctx.clock })) ?? null;
  });
  // Staff routes outside the newsroom (moderation pages and APIs) let a session in with the staff
  // guard, before the body is parsed; their writes are checked for the session's token here.
  app.addHook('preHandler', async (request) => {
    if (request.staffVia === 'session' && WRITE_METHODS.has(request.method) && !hasValidCsrf(request, request.staff!.csrfToken)) throw new CsrfError();
  });
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function hasValidCsrf(request: FastifyRequest, expected: string): boolean {
  const header = request.headers[CSRF_HEADER];
  const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return sameToken(typeof header === 'string' ? header : field, expected);
}

/** A 403: signed in, but the role or the story does not allow it. */
export class ForbiddenError extends Error {
  readonly statusCode = 403;
}

/** A 403 for a missing or wrong CSRF token. */
export class CsrfError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('This form has expired or did not come from the newsroom. Reload the page and try again.');
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one guard of a folder of newsroom routes (registered as its preValidation hook): a
 * stranger gets 401 (a person opening a page is sent to sign in), a user whose role lacks the
 * route's permission gets 403, and a write without this session's CSRF token gets 403. A route
 * that names no permission is closed to everyone, so a forgotten one fails safe.
 */
export async function newsroomGuard(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const user = request.staff;
  if (!user) {
    if (request.method === 'GET' && !request.url.includes('/api/')) {
      return reply.redirect(`/newsroom/login?next=${encodeURIComponent(request.url.split('?')[0]!)}`, 303);
    }
    return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to the newsroom first.' });
  }
  const permission = request.routeOptions.config.permission;
  if (!permission || !can(user.role, permission)) {
    throw new ForbiddenError(`Your role (${user.role}) may not do this.`);
  }
  if (WRITE_METHODS.has(request.method) && !hasValidCsrf(request, user.csrfToken)) throw new CsrfError();
  return undefined;
}
