import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../src/review/case-state.ts';
import { ReviewService } from '../../src/review/review-service.ts';
import type { User } from '../../src/review/review-store.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { startWebFixture, type WebFixture } from '../web/web-fixture.ts';

const SAMPLES = [
  '2023/narvik-overgang-over-cap',
  '2023/alesund-voksne-late',
  '2023/bodo-rus-late',
  '2022/stavanger-rus-clean',
];

let fx: WebFixture;
let service: ReviewService;
let today = '2026-12-03';
let alice: User;
let bob: User;

beforeAll(async () => {
  fx = await startWebFixture(SAMPLES);
  // The service with a clock the tests move, over the fixture's store.
  service = new ReviewService(
    fx.store,
    fx.reviews,
    { schemes, register, lowConfidenceThreshold: 0.6 },
    {
      today: () => today,
    },
  );
  const users = await fx.reviews.users();
  alice = users.find((u) => u.username === 'alice')!;
  bob = users.find((u) => u.username === 'bob')!;
}, 180_000);
afterAll(async () => fx?.close());

const id = (source: string) => fx.ids.get(source.split('/').pop()!)!;
const row = async (source: string) =>
  (await service.listCases({ status: 'all' }, { offset: 0, limit: 500 })).items.find(
    (i) => i.submissionId === id(source),
  )!;

describe('the case index', () => {
  it('folds text so a search without accents finds Ålesund and Tønsberg', () => {
    expect(foldForSearch('Ålesund kommune')).toBe('alesund kommune');
    expect(foldForSearch('Tønsberg  Bærum')).toBe('tonsberg baerum');
  });

  it('lists every checked submission: clean ones as accepted, the others new, with a processing deadline', async () => {
    const all = await service.listCases({ status: 'all' }, { offset: 0, limit: 500 });
    expect(all.total).toBe(SAMPLES.length + 1); // and the fixture's script sample
    expect((await row('2022/stavanger-rus-clean')).effectiveStatus).toBe('accepted');
    const narvik = await row('2023/narvik-overgang-over-cap');
    expect(narvik.effectiveStatus).toBe('new');
    expect(narvik.openCodes).toContain('OVER_CAP');
    expect(narvik.dueDate > narvik.receivedAt.toISOString().slice(0, 10)).toBe(true);
    const queue = await service.listCases({ status: 'queue' }, { offset: 0, limit: 500 });
    expect(queue.items.map((i) => i.submissionId)).not.toContain(id('2022/stavanger-rus-clean'));
  });

  it('searches accent-insensitively and pages', async () => {
    const found = await service.listCases({ q: 'alesund' }, { offset: 0, limit: 50 });
    expect(found.items.map((i) => i.submissionId)).toEqual([id('2023/alesund-voksne-late')]);
    expect((await service.listCases({ q: 'soknad.pdf narvik' }, { offset: 0, limit: 50 })).total).toBe(1);
    expect((await service.listCases({ q: '100%_' }, { offset: 0, limit: 50 })).total).toBe(0);
    const first = await service.listCases({ status: 'all' }, { offset: 0, limit: 2 });
    const second = await service.listCases({ status: 'all' }, { offset: 2, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i) => i.submissionId)).not.toContain(first.items[0]!.submissionId);
  });

  it('follows the lifecycle: taken, assigned, waiting for approval (not for the maker), done', async () => {
    const narvik = id('2023/narvik-overgang-over-cap');
    await service.claim(alice, narvik);
    expect((await row('2023/narvik-overgang-over-cap')).effectiveStatus).toBe('in-progress');
    await service.assign(alice, narvik, bob.id);
    expect((await row('2023/narvik-overgang-over-cap')).assignee).toBe('Bob Berg');
    expect((await service.caseCounts(bob)).mine).toBe(1);

    const view = await service.submission(narvik);
    for (const f of view.findings.filter((x) => x.open))
      await service.resolveFinding(bob, narvik, f.key, 'waived', 'Avtalt med kommunen i møte.');
    expect((await row('2023/narvik-overgang-over-cap')).effectiveStatus).toBe('awaiting-approval');
    const forAlice = await service.listCases({ approverId: alice.id }, { offset: 0, limit: 50 });
    const forBob = await service.listCases({ approverId: bob.id }, { offset: 0, limit: 50 });
    expect(forAlice.items.map((i) => i.submissionId)).toContain(narvik);
    expect(forBob.items.map((i) => i.submissionId)).not.toContain(narvik);
    expect((await service.caseCounts(alice)).awaitingMyApproval).toBeGreaterThanOrEqual(1);

    for (const f of (await service.submission(narvik)).findings)
      if (f.resolution?.needsApproval && !f.resolution.approvedAt)
        await service.approveWaiver(alice, narvik, f.resolution.id);
    expect((await row('2023/narvik-overgang-over-cap')).effectiveStatus).toBe('ready');
    await service.markDone(bob, narvik, '');
    const done = await row('2023/narvik-overgang-over-cap');
    expect(done.effectiveStatus).toBe('done');
    expect(done.doneAt).not.toBeNull();
  });

  it('waits for the municipality until the reply deadline, then returns the case to the queue', async () => {
    const bodo = id('2023/bodo-rus-late');
    await service.requestDocument(
      alice,
      bodo,
      'samarbeidsavtale',
      'Send avtalen med helseforetaket.',
      '2026-12-10',
    );
    expect((await row('2023/bodo-rus-late')).effectiveStatus).toBe('awaiting-municipality');
    expect((await service.caseCounts(alice)).awaitingMunicipality).toBe(1);
    today = '2026-12-11';
    try {
      const late = await row('2023/bodo-rus-late');
      expect(late.effectiveStatus).toBe('in-progress');
      expect(late.replyOverdue).toBe(true);
      expect(
        (await service.listCases({ status: 'queue' }, { offset: 0, limit: 50 })).items.map(
          (i) => i.submissionId,
        ),
      ).toContain(bodo);
    } finally {
      today = '2026-12-03';
    }
    await expect(
      service.requestDocument(alice, bodo, 'budsjett', 'Send budsjettet.', '01.12.2026'),
    ).rejects.toThrow('passert');
    const [request] = await service.work.requests(fx.reviews.sql, bodo);
    await service.closeRequest(alice, bodo, request!.id, 'Avtalen kom på e-post.');
    expect((await row('2023/bodo-rus-late')).effectiveStatus).toBe('in-progress');
  });

  it('decides one finding code on several cases at once, recorded per case', async () => {
    const cases = [id('2023/bodo-rus-late'), id('2023/alesund-voksne-late'), id('2022/stavanger-rus-clean')];
    const result = await service.bulkResolve(
      alice,
      cases,
      'LATE_SUBMISSION',
      'accepted',
      'Forsinkelsen er godkjent.',
    );
    expect(result.changed.sort()).toEqual(cases.slice(0, 2).sort());
    expect(result.skipped.map((s) => s.id)).toEqual([cases[2]]);
    for (const c of cases.slice(0, 2)) {
      const history = await fx.reviews.history(c);
      expect(history.filter((h) => h.action === 'finding-resolved')).toHaveLength(1);
      expect((await service.submission(c)).findings.find((f) => f.code === 'LATE_SUBMISSION')?.open).toBe(
        false,
      );
    }
  });

  it('does not log a correction that changes nothing', async () => {
    const alesund = id('2023/alesund-voksne-late');
    const view = await service.submission(alesund);
    const year = String(view.record.year);
    const before = (await fx.reviews.history(alesund)).length;
    await expect(service.correctField(alice, alesund, 'year', year, 'Sjekket')).rejects.toThrow(
      'ingenting er endret',
    );
    expect((await fx.reviews.history(alesund)).length).toBe(before);
  });

  it('brings a row up to date when its submission was re-checked outside the app', async () => {
    const stavanger = id('2022/stavanger-rus-clean');
    await fx.store.sql.query(
      `UPDATE submissions SET record = jsonb_set(record, '{applicant,name}', '"Nytt Øyvindnavn kommune"'),
         updated_at = now() + interval '1 second' WHERE id = $1`,
      [stavanger],
    );
    const found = await service.listCases({ q: 'oyvindnavn' }, { offset: 0, limit: 50 });
    expect(found.items.map((i) => i.submissionId)).toEqual([stavanger]);
  });
});
