import { IntakeError } from '../errors.ts';

export type ReviewErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'FORBIDDEN' | 'CONFLICT';

/** A reviewer's request that cannot be done as asked; the message is for the reviewer (Norwegian). */
export class ReviewError extends IntakeError {
  constructor(
    message: string,
    readonly reviewCode: ReviewErrorCode,
  ) {
    super(message, `REVIEW_${reviewCode}`);
  }
}
