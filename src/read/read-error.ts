import type { ReadFailure } from '../domain/document.ts';

/** Why a read failed, as the ReadFailure reasons name it. */
export type ReadErrorCode = ReadFailure['reason'];

/**
 * A reader's way of saying "this input cannot be read, and here is why" with a message for a reviewer
 * (Norwegian). Anything else a reader throws is treated as a damaged file.
 */
export class ReadError extends Error {
  readonly code: ReadErrorCode;

  constructor(code: ReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
    this.code = code;
  }
}

/** The message used for damaged files; `detail` is what the library said (may be English). */
export function corruptMessage(detail: string): string {
  const clean = detail
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.:]+$/, '');
  return clean ? `Filen er skadet og kan ikke leses: ${clean}.` : 'Filen er skadet og kan ikke leses.';
}

/** The most of a library's error message that goes into a failure message. */
const MAX_DETAIL_CHARS = 100;

/**
 * A library's error message, made safe to show and log: parsers quote what they choked on ("Invalid
 * number: ê", a mangled tag name), which is a piece of the document. Anything but printable ASCII is
 * masked and the message is cut short, so a failure names the kind of damage, never the content.
 */
export function technicalDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const clean = message
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
  return clean.length > MAX_DETAIL_CHARS ? `${clean.slice(0, MAX_DETAIL_CHARS - 1)}…` : clean;
}

/**
 * Turns anything a reader threw into a ReadFailure; unknown errors mean a damaged file. The message
 * is a Norwegian sentence only; what a library said goes to `detail` (kept with the read document,
 * never put in a finding).
 */
export function failureFromError(error: unknown): ReadFailure {
  if (error instanceof ReadError) return { reason: error.code, message: error.message };
  return { reason: 'corrupt', message: corruptMessage(''), detail: technicalDetail(error) };
}
