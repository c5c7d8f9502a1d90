import { extractSubmission } from '../extract/extract-submission.ts';
import {
  applyCorrections,
  isCorrectableField,
  type CorrectableField,
  type FieldValue,
} from '../review/corrections.ts';
import { coalescedLookup } from '../store/coalesced-lookup.ts';
import { inContractOrder } from '../store/record-order.ts';
import type { Store } from '../store/store.ts';
import { configChange, type ConfigFingerprint } from './config-fingerprint.ts';
import type { RunLedger } from './ingest.ts';
import { checkFields, type PipelineContext, type ProcessedRecord } from './process-submission.ts';

/**
 * A done submission extracted and checked again from its stored read results with this
 * configuration (a register or scheme files changed since it was made), saved; no file is read
 * and nothing goes through OCR. Fields are extracted again, not only checked, since the register
 * decides the applicant's municipality at extraction. A reviewer's corrections stay over the new
 * fields, as in `intake revalidate`. Null when a read result is not stored: then it must be read.
 */
export async function recheckStored(
  store: Pick<Store, 'documents' | 'latestCorrections' | 'duplicatesOf' | 'saveRechecked'>,
  done: ProcessedRecord,
  ctx: PipelineContext,
): Promise<ProcessedRecord | null> {
  const rows = await store.documents(done.id);
  const reads = rows.map((r) => r.read);
  if (reads.length !== done.documents.length || reads.some((r) => r === null)) return null;
  const stored = reads as NonNullable<(typeof reads)[number]>[];
  const fields = extractSubmission(stored, { schemes: ctx.schemes, register: ctx.register });
  const corrections = new Map<CorrectableField, FieldValue>();
  for (const [field, value] of await store.latestCorrections(done.id)) {
    if (isCorrectableField(field) && (typeof value === 'string' || typeof value === 'number')) {
      corrections.set(field, value);
    }
  }
  const checked = corrections.size > 0 ? applyCorrections(fields, corrections, ctx) : fields;
  const record = inContractOrder(
    checkFields(done.source, stored, checked, await store.duplicatesOf(done.id), ctx),
  );
  await store.saveRechecked(record, fields, 'ingest');
  return record;
}

/**
 * `ledger` with this run's configuration followed (issue 14, item 8): the run notes the
 * configuration it starts with; a done submission made with another register or other scheme
 * files is checked again from its stored reads, one made with other read limits is read again;
 * at the end, every submission the run recorded is stamped with the configuration.
 */
export async function followingConfig(
  ledger: RunLedger,
  store: Pick<
    Store,
    | 'documents'
    | 'latestCorrections'
    | 'duplicatesOf'
    | 'saveRechecked'
    | 'storedConfigs'
    | 'setRunConfig'
    | 'stampRunConfig'
  >,
  ctx: PipelineContext,
  config: ConfigFingerprint,
): Promise<RunLedger> {
  await store.setRunConfig(ledger.run.id, config);
  // The done submissions of one "already done?" query ask about their configuration together.
  const storedConfig = coalescedLookup((ids: string[]) => store.storedConfigs(ids, ledger.run.id));
  return {
    ...ledger,
    followConfig: async (done) => {
      const stored = (await storedConfig(done.id)) ?? { read: null, check: null };
      const change = configChange(stored, config);
      if (change === 'same') return 'same';
      return change === 'check' ? recheckStored(store, done, ctx) : null;
    },
    finish: async (report) => {
      await ledger.finish(report);
      await store.stampRunConfig(ledger.run.id, config);
    },
  };
}
