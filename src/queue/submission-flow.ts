import type { FlowJob, JobsOptions } from 'bullmq';
import { JOB_NAMES, QUEUE_NAMES, jobIds } from './job-definitions.ts';

/** A document of a submission's flow: where it is in the submission and the hash of its bytes. */
export interface FlowDocument {
  position: number;
  sha256: string;
}

/**
 * A submission's flow: the `check-submission` parent with a `read-document` child per document.
 * Ids come from the content, so adding the same flow again while it is on the queues is a no-op.
 */
export function submissionFlow(
  submissionId: string,
  batchId: string,
  documents: FlowDocument[],
  options: JobsOptions,
): FlowJob {
  return {
    name: JOB_NAMES.checkSubmission,
    queueName: QUEUE_NAMES.submissions,
    data: { submissionId, batchId },
    opts: { ...options, jobId: jobIds.submission(submissionId) },
    children: documents.map((d) => ({
      name: JOB_NAMES.readDocument,
      queueName: QUEUE_NAMES.documents,
      data: { submissionId, position: d.position, sha256: d.sha256, step: 'read', round: 0 },
      opts: { ...options, jobId: jobIds.document(submissionId, d.position), failParentOnFailure: true },
    })),
  };
}
