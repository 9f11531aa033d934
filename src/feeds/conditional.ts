import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Feed readers poll; a 304 spares both sides the body. Feeds change within minutes at most.
const FEED_MAX_AGE_SECONDS = 300;

/**
 * Sends an XML document with a strong ETag (hash of the bytes) and Last-Modified, or a bodiless
 * 304 when the client's If-None-Match (or, without it, If-Modified-Since) says it has this one.
 */
export function sendXmlConditional(request: FastifyRequest, reply: FastifyReply, body: string, lastModifiedIso: string, contentType: string) {
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(Date.parse(lastModifiedIso) / 1000) * 1000);
  reply.header('etag', etag).header('last-modified', lastModified.toUTCString()).header('cache-control', `public, max-age=${FEED_MAX_AGE_SECONDS}`);
  const inm = request.headers['if-none-match'];
  const ims = request.headers['if-modified-since'];
  const notModified = inm
    ? inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')
    : Boolean(ims) && !Number.isNaN(Date.parse(ims!)) && lastModified.getTime() <= Date.parse(ims!);
  if (notModified) return reply.code(304).send();
  return reply.type(contentType).send(body);
}
