/**
 * An upload the media folder refuses. Like DomainError, but with the HTTP codes uploads need:
 * 413 too large, 415 not a type we take. The app's error handler reads `statusCode`.
 */
export class MediaError extends Error {
  constructor(
    message: string,
    readonly statusCode: 400 | 404 | 413 | 415 | 422,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}
