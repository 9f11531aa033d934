/** A request the domain refuses; HTTP turns it into a 4xx with `message` shown to the user. */
export class DomainError extends Error {
  constructor(
    message: string,
    /** HTTP status that fits: 400 bad input, 404 missing, 409 conflict, 422 refused by a rule. */
    readonly statusCode: 400 | 404 | 409 | 422 = 400,
    /** Field the message is about, for forms that show errors per field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
