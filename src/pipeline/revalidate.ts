import type { Finding } from '../domain/record.ts';
import {
  applyCorrections,
  isCorrectableField,
  type CorrectableField,
  type FieldValue,
} from '../review/corrections.ts';
import { inContractOrder } from '../store/record-order.ts';
import type { Store } from '../store/store.ts';
import { checkFields, type PipelineContext } from './process-submission.ts';

/** Per finding code, the submissions (sources) where it appeared and where it went away. */
export type FindingChanges = Map<string, { appeared: string[]; gone: string[] }>;

export interface RevalidationResult {
  checked: number;
  changed: number;
  /** Submissions with no stored fields or read results (stored before fields were kept whole). */
  notRevalidated: string[];
  changes: FindingChanges;
}

/** How many submissions revalidation loads from the store at a time. */
const PAGE = 200;

/**
 * Runs the check stage again (the same {@link checkFields} as ingest and the workers) on the
 * stored fields and read results of every checked submission, with the reviewer's corrections
 * over them: no file is read and nothing is extracted again. Saves what changed.
 */
export async function revalidateStore(
  store: Store,
  ctx: PipelineContext,
  onProgress?: (checked: number) => void,
): Promise<RevalidationResult> {
  const result: RevalidationResult = { checked: 0, changed: 0, notRevalidated: [], changes: new Map() };
  let after = '';
  for (;;) {
    const page = await store.storedFields(after, PAGE, ctx.schemes);
    if (page.length === 0) break;
    for (const { id, source, record: before, fields } of page) {
      after = id;
      const reads = (await store.documents(id)).map((d) => d.read);
      if (fields === null || reads.some((r) => r === null)) {
        result.notRevalidated.push(source);
        continue;
      }
      const corrections = new Map<CorrectableField, FieldValue>();
      for (const [field, value] of await store.latestCorrections(id)) {
        if (isCorrectableField(field) && (typeof value === 'string' || typeof value === 'number')) {
          corrections.set(field, value);
        }
      }
      const checkedFields = corrections.size > 0 ? applyCorrections(fields, corrections, ctx) : fields;
      const after_ = inContractOrder(
        checkFields(
          source,
          reads as NonNullable<(typeof reads)[number]>[],
          checkedFields,
          await store.duplicatesOf(id),
          ctx,
        ),
      );
      result.checked++;
      onProgress?.(result.checked);
      if (JSON.stringify(after_) === JSON.stringify(before)) continue;
      result.changed++;
      await store.saveRevalidated(after_, 'revalidate');
      addChanges(result.changes, source, before.findings, after_.findings);
    }
  }
  return result;
}

/** Counts codes before and after: more of a code is "appeared", fewer is "gone". */
export function addChanges(
  changes: FindingChanges,
  source: string,
  before: Finding[],
  after: Finding[],
): void {
  const count = (findings: Finding[]) => {
    const m = new Map<string, number>();
    for (const f of findings) m.set(f.code, (m.get(f.code) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  const a = count(after);
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    const diff = (a.get(code) ?? 0) - (b.get(code) ?? 0);
    if (diff === 0) continue;
    let entry = changes.get(code);
    if (!entry) changes.set(code, (entry = { appeared: [], gone: [] }));
    (diff > 0 ? entry.appeared : entry.gone).push(source);
  }
}

/** The terminal report of a revalidation, in Norwegian. */
export function formatRevalidation(result: RevalidationResult): string {
  const lines = [`Kontrollerte ${result.checked} innsendinger på nytt; ${result.changed} endret.`];
  for (const [code, { appeared, gone }] of [...result.changes.entries()].sort((x, y) =>
    x[0].localeCompare(y[0]),
  )) {
    if (appeared.length > 0) lines.push(`+ ${code}: ${appeared.length} nye (${appeared.join(', ')})`);
    if (gone.length > 0) lines.push(`- ${code}: ${gone.length} borte (${gone.join(', ')})`);
  }
  if (result.changes.size === 0) lines.push('Ingen funn kom til eller forsvant.');
  if (result.notRevalidated.length > 0) {
    lines.push(
      `${result.notRevalidated.length} innsendinger mangler lagrede felt og ble ikke kontrollert (kjør intake ingest på nytt): ` +
        result.notRevalidated.join(', '),
    );
  }
  return lines.join('\n');
}
