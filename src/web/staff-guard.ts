import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../newsroom/permissions.js';

/**
 * How a request is staff: a newsroom session whose role moderates (src/newsroom/permissions.ts),
 * or `Authorization: Bearer <ADMIN_TOKEN>` for API clients (compared in constant time; with no
 * token configured, only sessions count). Undefined: not staff.
 */
export function staffAuthOf(request: FastifyRequest, adminToken: string | undefined): 'token' | 'session' | undefined {
  const header = request.headers.authorization;
  if (adminToken && header?.startsWith('Bearer ')) {
    const a = Buffer.from(header.slice(7));
    const b = Buffer.from(adminToken);
    if (a.length === b.length && crypto.timingSafeEqual(a, b)) return 'token';
  }
  return can(request.staff?.role, 'moderation') ? 'session' : undefined;
}

export function isStaff(request: FastifyRequest, adminToken: string | undefined): boolean {
  return staffAuthOf(request, adminToken) !== undefined;
}

/**
 * Lets a staff request through and records how (request.staffVia): a write let in by a session
 * must then carry that session's CSRF token, which a root hook checks once the body is parsed
 * (src/newsroom/auth/session.ts). A bearer token cannot be sent by a cross-site form, so needs none.
 */
export function admitStaff(request: FastifyRequest, adminToken: string | undefined): boolean {
  const via = staffAuthOf(request, adminToken);
  if (via) request.staffVia = via;
  return via !== undefined;
}

/** The one sign-in page for people; `next` brings them back. */
export const signInUrl = (request: FastifyRequest): string => `/newsroom/login?next=${encodeURIComponent(request.url.split('?')[0]!)}`;

/** onRequest hook that answers 401 to anyone who is not staff. */
export function requireStaff(adminToken: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!admitStaff(request, adminToken)) {
      // Signed in to the newsroom, but in a role that does not moderate: refused, not sent to sign in.
      if (request.staff) return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `Your role (${request.staff.role}) may not moderate.` });
      // A person opening a staff page is sent to sign in; API clients get a plain 401.
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.redirect(signInUrl(request), 303);
      return reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized', message: 'Staff only: sign in to the newsroom, or send the admin token as a Bearer token' });
    }
  };
}
