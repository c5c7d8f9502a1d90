import type { ReadDocument } from '../domain/document.ts';
import type { Evidence, Extracted } from '../domain/evidence.ts';
import { FIELDS, type FieldSpec } from '../domain/fields.ts';
import type { DocumentType, Partner, SubmissionKind } from '../domain/record.ts';
import type { MunicipalityRegister } from '../register/municipality-register.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';
import { budgetFromLines, budgetFromSheets, type BudgetResult } from './budget.ts';
import {
  boost,
  candidate,
  choose,
  labelCandidates,
  labelQuality,
  type Candidate,
  type DocRole,
  type FieldDoubt,
} from './candidates.ts';
import { classifyDocument } from './classify.ts';
import { parseAmount, parseIsoDate } from './field-values.ts';
import {
  grantedInText,
  grantYearInText,
  positionsInText,
  requestedInText,
  spentInText,
  unusedInText,
  type TextHit,
} from './free-text.ts';
import { headHits, labelPairs } from './label-pairs.ts';
import { TICKED as CHECKED, UNTICKED as UNCHECKED } from './label-values.ts';
import { extractApplicant, extractPartners, type ApplicantResult } from './parties.ts';
import { recogniseScheme, type SchemeMatch } from './recognise-scheme.ts';
import { sentencesOf, type Sentence } from './sentences.ts';
import { toSourceDocument, type SourceDocument } from './source-text.ts';
import { submittedDateCandidates } from './submitted-date.ts';
import { yearFromDeadlines, yearFromPeriods, yearFromSentences, yearFromTitles } from './year.ts';

/** Everything read from a submission's documents, each value with its evidence; pure data. */
export interface SubmissionFields {
  kind: SubmissionKind | null;
  documentTypes: DocumentType[];
  scheme: SchemeMatch | null;
  year: Extracted<number> | null;
  applicant: ApplicantResult;
  partners: Array<Partner & { evidence: Evidence }>;
  priority: Extracted<string> | null;
  grantYear: Extracted<number> | null;
  positions: Extracted<number> | null;
  requestedAmount: Extracted<number> | null;
  grantedAmount: Extracted<number> | null;
  spentAmount: Extracted<number> | null;
  unusedAmount: Extracted<number> | null;
  budget: BudgetResult | null;
  submittedDate: Extracted<string> | null;
  /** Fields where two strong readings disagree: the chosen value is kept and the doubt reported. */
  doubts?: FieldDoubt[];
}

export interface ExtractContext {
  schemes: Scheme[];
  register: MunicipalityRegister | null;
}

/** Reads every field of a submission from its read documents. Pure: no I/O. */
export function extractSubmission(reads: ReadDocument[], ctx: ExtractContext): SubmissionFields {
  const sources = reads.map((r, i) => toSourceDocument(r, i));
  const documentTypes = reads.map((r, i) => classifyDocument(r, sources[i]!));
  const ofType = (...types: DocumentType[]) => sources.filter((_, i) => types.includes(documentTypes[i]!));

  const reports = ofType('report');
  const financial = ofType('financial-report');
  const applications = ofType('application');
  const kind: SubmissionKind | null =
    reports.length > 0 || (applications.length === 0 && financial.length > 0)
      ? 'report'
      : applications.length > 0 || sources.some((s) => s.lines.length + s.sheets.length > 0)
        ? 'application'
        : null;

  // Main documents carry the answers; attachments fill in what the main ones lack.
  // Without a document that reads as an application, every readable non-agreement document is main.
  const main =
    kind === 'report'
      ? [...reports, ...financial]
      : applications.length > 0
        ? applications
        : sources.filter((s, i) => documentTypes[i] === 'other' && s.lines.length + s.sheets.length > 0);
  const rest = sources.filter((s) => !main.includes(s));
  const ordered = [
    ...main,
    ...rest.filter((s) => documentTypes[s.doc] !== 'cooperation-agreement'),
    ...ofType('cooperation-agreement'),
  ];
  const mainSentences = main.flatMap(sentencesOf);
  const allSentences = ordered.flatMap(sentencesOf);

  const scheme =
    recogniseScheme(main.length > 0 ? main : ordered, ctx.schemes) ?? recogniseScheme(ordered, ctx.schemes);
  const applicant = extractApplicant(main, ordered, ctx.register);
  const partners = extractPartners(ordered, ofType('cooperation-agreement'), applicant.name?.value ?? null);

  const roleOf = (d: SourceDocument): DocRole =>
    main.includes(d) ? 'main' : documentTypes[d.doc] === 'cooperation-agreement' ? 'agreement' : 'attachment';
  const docs = ordered.map((d) => ({ doc: d, role: roleOf(d), pairs: labelPairs(d) }));
  const restSentences = rest.flatMap(sentencesOf);
  const doubts: FieldDoubt[] = [];
  const pick = <T>(field: string, cands: Array<Candidate<T> | null>): Extracted<T> | null => {
    const choice = choose(field, cands);
    if (choice.doubt) doubts.push(choice.doubt);
    return choice.value;
  };

  /** Candidates for a money or positions field: labels in every document, then running text. */
  const candidatesFor = (
    spec: FieldSpec<number>,
    inText: (s: Sentence[]) => TextHit<number>[],
  ): Array<Candidate<number> | null> => [
    ...docs.flatMap((d) => inYear(labelCandidates(spec, d.pairs, d.role))),
    ...inText(mainSentences).map((h) => candidate(spec, 'sentence', 'main', h.found, 1, h.raw)),
    ...inText(restSentences).map((h) => candidate(spec, 'sentence', 'attachment', h.found, 1, h.raw)),
  ];

  const submittedDate = pick(
    'submittedDate',
    submittedDateCandidates(
      (main.length > 0 ? [...main, ...rest] : ordered).map((d) => ({ doc: d, role: roleOf(d) })),
    ),
  );

  // The year: a labelled value; a year inside the label of the submission's own amount ("Søknadsbeløp
  // 2025", "Brukt per 31.12.2024"); the title; the period; running text; the sending date against
  // the scheme's deadlines. Past-tense mentions ("fikk tilskudd i 2021") are left out.
  const ownAmount = kind === 'report' ? [FIELDS.grantedAmount, FIELDS.spentAmount] : [FIELDS.requestedAmount];
  const yearCands: Array<Candidate<number> | null> = [
    ...docs.flatMap((d) => labelCandidates(FIELDS.year, d.pairs, d.role)),
    ...docs.flatMap((d) =>
      d.pairs
        .filter(
          (p) => p.years.length === 1 && ownAmount.some((spec) => labelQuality(spec, p.folded) !== null),
        )
        .filter((p) => parseAmount(p.raw) !== null)
        .map((p) =>
          candidate(
            FIELDS.year,
            'label',
            d.role,
            { value: p.years[0]!, evidence: p.evidence, confidence: p.confidence },
            0.7,
          ),
        ),
    ),
    ...yearFromTitles(main, 'main'),
    ...yearFromTitles(rest, 'attachment'),
    ...docs.flatMap((d) => yearFromPeriods(d.pairs, [], d.role)),
    ...yearFromPeriods([], mainSentences, 'main'),
    ...yearFromSentences(mainSentences, kind ?? 'application', 'main'),
    ...yearFromSentences(restSentences, kind ?? 'application', 'attachment'),
    yearFromDeadlines(submittedDate, scheme?.scheme ?? null, kind),
  ];
  const year = pick('year', yearCands);

  // An amount whose label names another year ("Søknadsbeløp 2026" beside 2025's) is not this year's.
  const inYear = (cands: Candidate<number>[]) =>
    year === null
      ? cands
      : cands.map((c) =>
          c.labelYears && c.labelYears.length > 0 && !c.labelYears.includes(year.value)
            ? { ...c, score: c.score * 0.6 }
            : c,
        );
  const budget = findBudget();
  let requestedAmount: Extracted<number> | null = null;
  let grantedAmount: Extracted<number> | null = null;
  let spentAmount: Extracted<number> | null = null;
  let unusedAmount: Extracted<number> | null = null;
  if (kind === 'application') {
    // The budget's applied-for total agrees with the right amount, not with last year's or a cap.
    const total = budget && (budget.basis === 'grant' || !budget.hasFinancing) ? budgetTotal(budget) : null;
    const cands = candidatesFor(FIELDS.requestedAmount, requestedInText).filter((c) => c !== null);
    requestedAmount = pick(
      'requestedAmount',
      total === null ? cands : boost(cands, (v) => Math.abs(v - total) <= 1, 0.15),
    );
  } else if (kind === 'report') {
    let granted = candidatesFor(FIELDS.grantedAmount, grantedInText).filter((c) => c !== null);
    let spent = candidatesFor(FIELDS.spentAmount, spentInText).filter((c) => c !== null);
    let unused = candidatesFor(FIELDS.unusedAmount, unusedInText).filter((c) => c !== null);
    // granted = spent + unused: readings that add up support each other.
    const adds = (g: number, s: number, u: number) => Math.abs(g - s - u) <= 1;
    granted = boost(granted, (g) => spent.some((s) => unused.some((u) => adds(g, s.value, u.value))), 0.1);
    spent = boost(spent, (s) => granted.some((g) => unused.some((u) => adds(g.value, s, u.value))), 0.1);
    unused = boost(unused, (u) => granted.some((g) => spent.some((s) => adds(g.value, s.value, u))), 0.1);
    grantedAmount = pick('grantedAmount', granted);
    spentAmount = pick('spentAmount', spent);
    unusedAmount = pick('unusedAmount', unused);
  }

  const positions = pick('positions', candidatesFor(FIELDS.positions, positionsInText));

  const grantYearInSentences = grantYearInText(allSentences);
  const grantYear = pick('grantYear', [
    ...docs.flatMap((d) => labelCandidates(FIELDS.grantYear, d.pairs, d.role)),
    grantYearInSentences && candidate(FIELDS.grantYear, 'sentence', 'main', grantYearInSentences),
  ]);
  const priority = scheme ? extractPriority(ordered, allSentences, scheme.scheme) : null;

  function findBudget(): BudgetResult | null {
    const prefer = kind === 'report' ? 'spent' : 'grant';
    const sheetDocs = kind === 'report' ? [...financial, ...rest] : [...rest, ...main];
    return (
      sheetDocs.map((d) => budgetFromSheets(d, prefer)).find((b) => b !== null) ??
      ordered.map((d) => budgetFromLines(d, prefer)).find((b) => b !== null) ??
      null
    );
  }

  return {
    kind,
    documentTypes,
    scheme,
    year,
    applicant,
    partners,
    priority,
    grantYear,
    positions,
    requestedAmount,
    grantedAmount,
    // A report that states no spent total still has one: the total of its spending table.
    spentAmount: spentFromTable(spentAmount, kind === 'report' ? budget : null),
    unusedAmount,
    budget,
    submittedDate,
    doubts,
  };
}

/** The scheme's priority: a labelled value, a ticked box, else the one priority the text names. */
function extractPriority(
  docs: SourceDocument[],
  sentences: Sentence[],
  scheme: Scheme,
): Extracted<string> | null {
  if (scheme.priorities.length === 0) return null;
  const match = (text: string) =>
    scheme.priorities.find((p) => p.aliases.some((a) => new RegExp(a, 'iu').test(text.toLowerCase())));

  for (const doc of docs) {
    for (const hit of headHits(doc, FIELDS.priority)) {
      if (hit.layout === 'inline') continue; // "Prioritet 2 – …" quotes an option or a rule
      // A heading row's value may wrap onto the next line ("Prioritert tiltak 2 –" / "lågterskel …").
      const p = match(hit.raw) ?? (hit.line ? match(`${hit.raw} ${nextLineText(doc, hit.line)}`) : undefined);
      if (p) return { value: p.name, evidence: hit.evidence, confidence: hit.confidence };
    }
  }
  for (const doc of docs) {
    for (const line of doc.lines) {
      if (!CHECKED.test(line.text)) continue;
      const p = match(line.text);
      if (p)
        return {
          value: p.name,
          evidence: { path: line.path, page: line.page, text: line.text },
          confidence: line.confidence,
        };
    }
  }
  // Count which priorities the running text names, ignoring unticked boxes and rule quotes.
  const counts = new Map<string, { n: number; s: Sentence }>();
  for (const s of sentences) {
    if (UNCHECKED.test(s.text) || /kan søke|prioriteres/i.test(s.text)) continue;
    const named = scheme.priorities.filter((p) =>
      p.aliases.slice(0, 2).some((a) => new RegExp(a, 'iu').test(s.text.toLowerCase())),
    );
    if (named.length !== 1) continue; // a list of priorities quotes the rules, it does not choose
    const c = counts.get(named[0]!.name);
    counts.set(named[0]!.name, { n: (c?.n ?? 0) + 1, s: c?.s ?? s });
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const [first, second] = ranked;
  if (!first || (second && second[1].n * 2 > first[1].n)) return null;
  return { value: first[0], evidence: first[1].s.evidence, confidence: first[1].s.confidence };
}

export { parseIsoDate };

/**
 * A report that states no spent total still has one: its spending table's total. And where
 * "Sum forbruk" heads a row with Budsjett and Regnskap columns, the table knows which column
 * is the spending.
 */
function spentFromTable(
  spent: Extracted<number> | null,
  budget: BudgetResult | null,
): Extracted<number> | null {
  const total = budget?.basis === 'spent' || !spent ? (budget?.statedTotal ?? null) : null;
  if (!spent) return total;
  const row = (e: Evidence) => e.cell?.replace(/^[A-Z]+/, '');
  const sameRow =
    total !== null &&
    spent.evidence.sheet !== undefined &&
    spent.evidence.sheet === total.evidence.sheet &&
    row(spent.evidence) === row(total.evidence);
  return sameRow ? total : spent;
}

/** A budget's total: the stated one, else the sum of its lines. */
function budgetTotal(budget: BudgetResult): number {
  return budget.statedTotal?.value ?? budget.items.reduce((sum, item) => sum + item.value, 0);
}

/** The text of the line after `line` on its page, the part in the same column where a table wraps. */
function nextLineText(doc: SourceDocument, line: SourceDocument['lines'][number]): string {
  const i = doc.lines.indexOf(line);
  const next = doc.lines[i + 1];
  return next && next.page === line.page ? next.text.replace(/\t/g, ' ') : '';
}
