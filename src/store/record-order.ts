import type { ProcessedRecord } from '../pipeline/process-submission.ts';

/** The order CONTRACT.md writes a record's keys in; jsonb keeps its own, so export restores this. */
const ORDER: Record<string, readonly string[]> = {
  record: [
    'id',
    'source',
    'kind',
    'scheme',
    'year',
    'applicant',
    'partners',
    'priority',
    'grantYear',
    'positions',
    'requestedAmount',
    'grantedAmount',
    'spentAmount',
    'budget',
    'documents',
    'findings',
    'status',
    'submittedDate',
    'doubts',
  ],
  applicant: ['name', 'orgNumber', 'municipalityNumber'],
  partners: ['name', 'orgNumber', 'kind'],
  budget: ['category', 'amount'],
  documents: ['path', 'sha256', 'type', 'pages', 'method', 'confidence'],
  findings: ['code', 'severity', 'message', 'field', 'evidence'],
  evidence: ['path', 'page', 'text', 'sheet', 'cell', 'box'],
  box: ['x', 'y', 'width', 'height'],
  doubts: ['field', 'chosen', 'other', 'evidence'],
};

/**
 * A record read back from the store with its keys in the contract's order (and so in the order
 * `intake ingest` writes them): the same line, byte for byte, from either driver.
 */
export function inContractOrder(record: ProcessedRecord): ProcessedRecord {
  return reorder(record, 'record') as ProcessedRecord;
}

function reorder(value: unknown, kind: string): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, kind));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const order = ORDER[kind] ?? [];
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, reorder(obj[k], k)]));
}
