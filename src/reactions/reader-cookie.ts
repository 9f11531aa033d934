// Readers have no accounts: a random id in a signed cookie is what "one vote per reader" means.
// The cookie is set on the first vote only, so merely reading a story stores nothing.
// Signed with the app's cookie secret (HMAC-SHA256 by @fastify/cookie): a value that fails the
// signature, or is not a well-formed id, is ignored, and the reader is treated as a new one,
// never as whoever's id was written into it.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const READER_COOKIE = 'onset_reader';
const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const ONE_YEAR_SEC = 365 * 86_400;

/** The reader id from a valid signed cookie, or undefined. */
export function readerIdOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies[READER_COOKIE];
  if (!raw) return undefined;
  const result = request.unsignCookie(raw);
  return result.valid && READER_ID.test(result.value) ? result.value : undefined;
}

/** 122 random bits; randomUUID draws from a pooled CSPRNG buffer, which matters at thousands of votes/s. */
export function newReaderId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function setReaderCookie(reply: FastifyReply, readerId: string, publicUrl: string): void {
  reply.setCookie(READER_COOKIE, readerId, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    maxAge: ONE_YEAR_SEC,
  });
}
