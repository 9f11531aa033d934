// Cross-site request forgery defence for writes, until the newsroom brings per-session CSRF
// tokens: a browser states where a request comes from (Sec-Fetch-Site in current browsers,
// Origin on every POST/PUT/DELETE since 2020), and a write from another site is refused.
// A request with neither header is not from a browser page (curl, server-to-server, tests),
// so it cannot carry a victim's cookies by accident and is let through.
import type { FastifyRequest } from 'fastify';

/** Answered as 403 by the app's error handler (HTML page, or JSON under /api). */
export class CrossSiteRequestError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('This form was sent from another site, so it was not accepted. Please use the form on this site.');
    this.name = 'CrossSiteRequestError';
  }
}

export function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  // Both the configured public origin and the one the request arrived on (behind a proxy that
  // keeps the Host header, or on a second hostname) count as this site.
  return origin !== new URL(publicUrl).origin && origin !== `${request.protocol}://${request.host}`;
}

/** Throws CrossSiteRequestError for a write that a browser says came from another site. */
export function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  if (isCrossSite(request, publicUrl)) throw new CrossSiteRequestError();
}

/** The same check as an onRequest hook, for routes that declare it (comments, moderation). */
export function requireSameOrigin(publicUrl: string) {
  return async (request: FastifyRequest): Promise<void> => assertSameOrigin(request, publicUrl);
}
