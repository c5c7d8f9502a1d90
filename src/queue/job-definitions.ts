import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import type { QueueSettings } from '../config/settings.ts';

/**
 * The queues and their jobs. A submission is one flow: a `check-submission` parent on the
 * submissions queue with a `read-document` child per document; a document whose pages need OCR
 * adds an `ocr-document` child on the OCR queue and waits for it. Payloads carry ids and hashes
 * only, never file contents or personal data.
 */
export const QUEUE_NAMES = { submissions: 'submissions', documents: 'documents', ocr: 'ocr' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const JOB_NAMES = {
  checkSubmission: 'check-submission',
  readDocument: 'read-document',
  ocrDocument: 'ocr-document',
} as const;

const SubmissionId = z.string().regex(/^[0-9a-f]{32}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CheckSubmissionJob = z.strictObject({ submissionId: SubmissionId, batchId: z.uuid() });
export type CheckSubmissionJob = z.infer<typeof CheckSubmissionJob>;

export const ReadDocumentJob = z.strictObject({
  submissionId: SubmissionId,
  position: z.number().int().min(0),
  sha256: Sha256,
  /** 'read' on the first run; 'resume' once the document's OCR child has finished. */
  step: z.enum(['read', 'resume']),
  /** OCR rounds so far (an OCR child's id names its round). */
  round: z.number().int().min(0),
});
export type ReadDocumentJob = z.infer<typeof ReadDocumentJob>;

export const OcrDocumentJob = z.strictObject({
  submissionId: SubmissionId,
  position: z.number().int().min(0),
  sha256: Sha256,
  /** Index in DOCUMENT_STAGES of the first stage this job runs. */
  from: z.number().int().min(0),
});
export type OcrDocumentJob = z.infer<typeof OcrDocumentJob>;

/** What an OCR job returns to its document job: where the document stages go on (null: done). */
export const OcrDocumentResult = z.strictObject({ next: z.number().int().min(0).nullable() });
export type OcrDocumentResult = z.infer<typeof OcrDocumentResult>;

/** Job ids are derived from content, so the same bytes enqueued twice name the same jobs. */
export const jobIds = {
  submission: (submissionId: string) => submissionId,
  document: (submissionId: string, position: number) => `${submissionId}-d${position}`,
  ocr: (submissionId: string, position: number, round: number) => `${submissionId}-d${position}-ocr${round}`,
};

/**
 * Retries with exponential backoff for transient errors (Redis or PostgreSQL briefly away); a
 * problem in a document is never an error here (it becomes a finding), and setup errors are
 * thrown as UnrecoverableError so they are not retried. Finished jobs are kept a day so a
 * repeated enqueue of the same ids is a no-op in BullMQ too.
 */
export function jobOptions(settings: QueueSettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
