import { IntakeError } from '../errors.ts';

/** The store could not do what was asked (configuration, a busy embedded database, a missing row). */
export class StoreError extends IntakeError {
  constructor(message: string, code: string, details: Record<string, unknown> = {}) {
    super(message, code, details);
  }
}
