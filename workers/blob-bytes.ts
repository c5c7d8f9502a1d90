import { UnrecoverableError } from 'bullmq';
import type { BlobStore } from '../src/blobs/blob-store.ts';
import { IntakeError } from '../src/errors.ts';

/**
 * A document's bytes from the blob store. A missing blob will not appear by trying again (the
 * worker looks in another store than the enqueue wrote to, or the file was deleted): the job fails
 * at once, without retries, with a message that says where it looked and what to check; the
 * worker logs it once and the store marks the submission failed, so a re-enqueue runs it again.
 */
export async function documentBytes(
  blobs: BlobStore,
  doc: { submissionId: string; position: number; sha256: string },
): Promise<Buffer> {
  try {
    return await blobs.get(doc.sha256);
  } catch (error) {
    if (error instanceof IntakeError && error.code === 'BLOB_MISSING') {
      throw new UnrecoverableError(
        `dokument ${doc.position} i innsending ${doc.submissionId}: filen ${doc.sha256} finnes ikke i ` +
          `blob-lageret ${blobs.location}. Sjekk at INTAKE_BLOB_URL / INTAKE_BLOB_DIR er de samme som for ` +
          '`intake enqueue` og de andre arbeiderne, og legg innsendingen i kø på nytt.',
      );
    }
    if (error instanceof IntakeError && error.code === 'BLOB_BUCKET_MISSING') {
      // The whole store is wrong, not this file: retrying would fail every job ten times over.
      throw new UnrecoverableError(
        `dokument ${doc.position} i innsending ${doc.submissionId}: ${error.message}. Sjekk INTAKE_BLOB_URL ` +
          'og nøklene til objektlageret, og legg innsendingen i kø på nytt.',
      );
    }
    throw error;
  }
}
