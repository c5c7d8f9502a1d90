import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/record.ts';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { addDays, deriveCase, type CaseInput } from '../../src/review/case-state.ts';
import { findingKeys } from '../../src/review/corrections.ts';
import type { ResolutionRow } from '../../src/review/review-store.ts';

const overCap: Finding = {
  code: 'OVER_CAP',
  severity: 'error',
  message: 'Søkt beløp er over grensen.',
  field: 'requestedAmount',
  evidence: null,
};
const late: Finding = {
  code: 'LATE_SUBMISSION',
  severity: 'warning',
  message: 'Sendt for sent.',
  field: null,
  evidence: null,
};

function record(findings: Finding[]): ProcessedRecord {
  return {
    id: 'abc',
    source: '2025/narvik',
    kind: 'application',
    scheme: 'tryggest',
    year: 2025,
    applicant: { name: 'Narvik kommune', orgNumber: '959469059', municipalityNumber: '1806' },
    partners: [],
    priority: null,
    grantYear: null,
    positions: null,
    requestedAmount: 700_000,
    grantedAmount: null,
    spentAmount: null,
    budget: [],
    documents: [],
    findings,
    status: findings.length > 0 ? 'needs-review' : 'accepted',
    submittedDate: '2025-02-30',
  };
}

function input(findings: Finding[], over: Partial<CaseInput> = {}): CaseInput {
  return {
    record: record(findings),
    receivedAt: new Date('2026-11-30T23:30:00Z'), // 1 December in Norway
    updatedAt: '2026-12-01T00:00:00.000000Z',
    resolutions: [],
    pendingCorrections: [],
    assigneeId: null,
    doneAt: null,
    worked: false,
    openRequests: [],
    comments: [],
    duplicateOf: null,
    schemeName: 'TryggEst',
    ...over,
  };
}

const decision = (finding: Finding, over: Partial<ResolutionRow> = {}): ResolutionRow => ({
  id: 1,
  findingKey: findingKeys([finding])[0]!,
  code: finding.code,
  resolution: 'waived',
  reason: 'Avklart',
  by: 'Alice',
  byId: 7,
  at: new Date(),
  needsApproval: false,
  approvedBy: null,
  approvedAt: null,
  basis: null,
  lapsed: false,
  ...over,
});

const FOUR_EYES = new Set(['OVER_CAP']);
const status = (i: CaseInput) => deriveCase(i, FOUR_EYES, 30).status;

describe('a case state', () => {
  it('is accepted when the checks found nothing and nobody worked on it, ready when somebody did', () => {
    expect(status(input([]))).toBe('accepted');
    expect(status(input([], { worked: true }))).toBe('ready');
  });

  it('is new until taken or worked on, then in progress', () => {
    expect(status(input([late]))).toBe('new');
    expect(status(input([late], { assigneeId: 3 }))).toBe('in-progress');
    expect(status(input([late], { worked: true }))).toBe('in-progress');
  });

  it('waits for approval when every finding is decided and a four-eyes decision is not approved; the maker is recorded', () => {
    const row = deriveCase(
      input([overCap], { resolutions: [decision(overCap, { needsApproval: true })], worked: true }),
      FOUR_EYES,
      30,
    );
    expect(row.status).toBe('awaiting-approval');
    expect(row.approvalMakers).toEqual([7]);
    const approved = decision(overCap, { needsApproval: true, approvedBy: 'Bob', approvedAt: new Date() });
    expect(status(input([overCap], { resolutions: [approved], worked: true }))).toBe('ready');
  });

  it('waits for the municipality while a request is open, returning to its own state after the deadline', () => {
    const row = deriveCase(
      input([late], { openRequests: [{ replyBy: '2026-12-10' }, { replyBy: '2026-12-17' }] }),
      FOUR_EYES,
      30,
    );
    expect(row.status).toBe('awaiting-municipality');
    expect(row.baseStatus).toBe('new');
    expect(row.replyBy).toBe('2026-12-17');
    expect(
      deriveCase(input([late], { openRequests: [{ replyBy: null }] }), FOUR_EYES, 30).replyBy,
    ).toBeNull();
  });

  it('is done once marked, whatever else is open', () => {
    expect(status(input([late], { doneAt: new Date(), openRequests: [{ replyBy: null }] }))).toBe('done');
  });

  it("counts the processing deadline from the day it was loaded in Norway, in the scheme's days", () => {
    expect(deriveCase(input([late]), FOUR_EYES, 30).dueDate).toBe('2026-12-31');
    expect(deriveCase(input([late]), FOUR_EYES, 14).dueDate).toBe('2026-12-15');
    expect(addDays(new Date('2026-03-28T23:30:00Z'), 1)).toBe('2026-03-30');
  });

  it('keeps no impossible sending date, and searches in folded words', () => {
    const row = deriveCase(input([late], { comments: ['Ringte Bærum'] }), FOUR_EYES, 30);
    expect(row.sentDate).toBeNull();
    expect(row.search).toContain('narvik kommune');
    expect(row.search).toContain('ringte baerum');
    expect(row.search).toContain('tryggest');
  });
});
