import { WaitingChildrenError, type Job } from 'bullmq';
import { runDocumentStages, type StageProgress } from '../src/pipeline/document-stages.ts';
import { unloadableDocument } from '../src/pipeline/process-document.ts';
import { JOB_NAMES, OcrDocumentResult, ReadDocumentJob, jobIds } from '../src/queue/job-definitions.ts';
import { documentBytes } from './blob-bytes.ts';
import type { WorkerDeps } from './worker-deps.ts';

/**
 * A document of a submission: runs the document stages that belong on this queue (reading), and
 * when a later stage belongs on the OCR queue, adds that as a child job and waits for it; resumed
 * afterwards, it goes on from where the OCR job stopped. Saves the read result in the store.
 */
export function readDocumentProcessor(deps: WorkerDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    let data = ReadDocumentJob.parse(job.data);
    const { submissionId, position } = data;
    const row = await deps.store.document(submissionId, position);
    let progress: StageProgress;
    if (data.step === 'read') {
      if (row.loadFailure) {
        progress = { read: unloadableDocument(row.path, row.loadFailure), next: null };
      } else {
        const bytes = await documentBytes(deps.blobs, data);
        progress = await runDocumentStages(bytes, row.path, { limits: deps.limits }, { queue: 'document' });
      }
    } else {
      const values = Object.values(await job.getChildrenValues());
      const next = values.length > 0 ? OcrDocumentResult.parse(values[0]).next : null;
      if (next === null || !row.read) return 'done';
      const bytes = await documentBytes(deps.blobs, data);
      progress = await runDocumentStages(
        bytes,
        row.path,
        { limits: deps.limits },
        { from: next, read: row.read, queue: 'document' },
      );
    }
    if (progress.next === null) {
      await deps.store.saveRead(submissionId, position, progress.read, 'done');
      return 'done';
    }
    await deps.store.saveRead(submissionId, position, progress.read, 'ocr-pending');
    const round = data.round + 1;
    await deps.ocrQueue.add(
      JOB_NAMES.ocrDocument,
      { submissionId, position, sha256: data.sha256, from: progress.next },
      {
        ...deps.jobOptions,
        jobId: jobIds.ocr(submissionId, position, round),
        parent: { id: job.id!, queue: job.queueQualifiedName },
        failParentOnFailure: true,
      },
    );
    data = { ...data, step: 'resume', round };
    await job.updateData(data);
    if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
    // The OCR job finished before we got here: nothing to wait for, go on at once.
    return readDocumentProcessor(deps)(job, token);
  };
}
