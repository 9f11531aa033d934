import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CSRF defence for comment POSTs: a browser says where a request comes from (Sec-Fetch-Site,
 * Origin); anything cross-site gets 403. Requests with neither header (curl, server-to-server
 * API clients) carry no ambient reader credentials worth forging, so they pass.
 */
export function requireSameOrigin(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const hostOrigin = `${request.protocol}://${request.headers.host ?? ''}`;
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== allowed && origin !== hostOrigin);
    if (crossSite) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Cross-site request refused: post comments from this site.' });
    }
  };
}
