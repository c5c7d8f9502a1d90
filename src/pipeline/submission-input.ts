/** A file of a submission, loaded lazily so a walk over a large archive holds no contents. */
export interface InputFile {
  /** Path relative to the ingest root, forward slashes ("2025/bodo.zip/soknad.pdf"). */
  path: string;
  load(): Promise<Buffer>;
}

/** One submission found by discovery: a leaf folder, a lone file, or a zip read as a folder. */
export interface SubmissionInput {
  /** The folder or file relative to the PATH given ("2025/Trondheim"). */
  source: string;
  files: InputFile[];
}
