import type { Job } from 'bullmq';
import { checkSubmission } from '../src/pipeline/process-submission.ts';
import { CheckSubmissionJob } from '../src/queue/job-definitions.ts';
import { CaseIndex } from '../src/review/case-index.ts';
import { ReviewStore } from '../src/review/review-store.ts';
import type { WorkerDeps } from './worker-deps.ts';

/**
 * The parent of a submission's flow, run when every document job is done: the submission stages
 * (extract, rules, record) over the stored read results, as `intake ingest` runs them.
 */
export function checkSubmissionProcessor(deps: WorkerDeps) {
  return async (job: Job): Promise<{ status: string }> => {
    const { submissionId } = CheckSubmissionJob.parse(job.data);
    const source = await deps.store.submissionSource(submissionId);
    const documents = await deps.store.documents(submissionId);
    const reads = documents.map((d) => {
      // A child job that completed always saved its read; a missing one is a bug, not a document.
      if (d.state !== 'done' || !d.read)
        throw new Error(`document ${d.position} of ${submissionId} not read`);
      return d.read;
    });
    const duplicateOf = await deps.store.duplicatesOf(submissionId);
    const { record, fields } = checkSubmission(source, reads, duplicateOf, deps.ctx);
    // The same job run twice (Redis restored a job it had finished, the reconciler added a flow
    // again while the first still ran) saves nothing the second time.
    await deps.store.saveProcessed(
      { record, reads, fields },
      { withReads: false, actor: 'worker', onlyIfChanged: true },
    );
    // The reviewer app's list row now, not at the next list read; a failure here only delays it
    // (a stale row is rewritten before any list is read), so it never fails the saved check.
    try {
      await new CaseIndex(new ReviewStore(deps.store.sql), deps.ctx).refresh(deps.store.sql, [submissionId]);
    } catch (error) {
      console.error(
        `intake: saksoversikten for ${submissionId} oppdateres ved neste visning: ${String(error)}`,
      );
    }
    return { status: record.status };
  };
}
