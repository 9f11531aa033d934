import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Guard for staff-only routes until the newsroom has accounts: the request must carry
 * `Authorization: Bearer <ADMIN_TOKEN>` or the `onset_staff` cookie set from it. With no token
 * configured, every request is refused. Compared in constant time.
 */
export function isStaff(request: FastifyRequest, adminToken: string | undefined): boolean {
  if (!adminToken) return false;
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : request.cookies?.onset_staff;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(adminToken);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** preHandler that answers 401 to anyone who is not staff. */
export function requireStaff(adminToken: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isStaff(request, adminToken)) {
      // A person opening a staff page is sent to sign in; API clients get a plain 401.
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.redirect(`/moderation/login?next=${encodeURIComponent(request.url.split('?')[0]!)}`, 303);
      }
      return reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized', message: 'Staff only: send the admin token as a Bearer token' });
    }
  };
}
