/**
 * The schemes as the sample documents name them, and the rules (DOMAIN.md, docs/checks.md) the
 * generator uses to check that every sample carries exactly the findings its golden file declares.
 */
import type { BudgetCategory } from '../../src/domain/record.ts';
import type { GrantYearStyle, SchemeId } from './model.ts';

export interface PriorityOption {
  /** The canonical priority name in the record. */
  id: string;
  /** How forms and letters write it. */
  label: string;
}

export interface SchemeInfo {
  name: string;
  short: string;
  priorities: PriorityOption[];
}

export const SCHEMES: Record<SchemeId, SchemeInfo> = {
  'kommunalt-rusarbeid': {
    name: 'Kommunalt rusarbeid',
    short: 'kommunalt rusarbeid',
    priorities: [],
  },
  'kommunalt-rusarbeid-overgang': {
    name: 'Kommunalt rusarbeid – overgangsordning',
    short: 'overgangsordningen for kommunalt rusarbeid',
    priorities: [],
  },
  'voksne-langvarig-sammensatt': {
    name: 'Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester',
    short: 'tilbud til voksne med langvarige og sammensatte behov',
    priorities: [
      { id: 'ACT/FACT', label: 'Prioritet 1 – ACT/FACT-team' },
      { id: 'MO-senter', label: 'Prioritet 2 – MO-senter (mottaks- og oppfølgingssenter)' },
      { id: 'LASSO', label: 'Prioritet 2 – Lavterskel substitusjonsbehandling (LASSO)' },
      { id: 'Behandlingsforberedende tiltak', label: 'Prioritet 2 – Behandlingsforberedende tiltak' },
      { id: 'Housing First', label: 'Prioritet 2 – Housing First' },
    ],
  },
  'barn-unge-langvarig-sammensatt': {
    name: 'Tilbud til barn og unge med behov for langvarig og sammensatt oppfølging',
    short: 'tilbud til barn og unge med langvarige og sammensatte behov',
    priorities: [
      { id: 'FACT-ung', label: 'Prioritet 1 – FACT-ung' },
      { id: 'Lavterskeltilbud', label: 'Prioritet 2 – Lavterskeltilbud (f.eks. Ung Arena)' },
    ],
  },
  tryggest: {
    name: 'TryggEst – tilskudd til tiltak for kompetanseheving mot vold mot risikoutsatte voksne',
    short: 'TryggEst',
    priorities: [],
  },
  'nav-sosiale-tjenester': {
    name: 'Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret',
    short: 'utvikling av de sosiale tjenestene i NAV-kontoret',
    priorities: [],
  },
  'smittevern-oppfolging': {
    name: 'Smitteverns- og oppfølgingsarbeid for personer med rus- og psykiske helseproblemer',
    short: 'smitteverns- og oppfølgingsarbeid',
    priorities: [],
  },
};

export function priorityLabel(scheme: SchemeId | null, priority: string): string {
  const option = scheme ? SCHEMES[scheme].priorities.find((p) => p.id === priority) : undefined;
  if (!option) throw new Error(`unknown priority ${priority} for ${scheme}`);
  return option.label;
}

const ORDINALS = ['forprosjekt', 'første år', '2. driftsår', 'tredje år', 'fjerde år'];

export function grantYearText(grantYear: number, style: GrantYearStyle): string {
  if (grantYear === 0) return style === 'ar' ? 'Forprosjekt' : 'forprosjekt (ett år)';
  switch (style) {
    case 'ar':
      return `År ${grantYear}`;
    case 'ordinal':
      return ORDINALS[grantYear] as string;
    case 'drift':
      return `${grantYear}. driftsår`;
    case 'videreforing':
      return `videreføring år ${grantYear}`;
    case 'overgang':
      return `videreføring år ${grantYear} i overgangsordningen`;
  }
}

// ---- Rules, for the generator's own consistency check -------------------------------------

/** Application deadlines per scheme and year (DOMAIN.md: seeds and public pages). */
export const DEADLINES: Partial<Record<SchemeId, Record<number, string>>> = {
  'kommunalt-rusarbeid': { 2022: '2022-09-15', 2023: '2023-03-05', 2025: '2025-03-01' },
  'kommunalt-rusarbeid-overgang': { 2022: '2022-02-15', 2023: '2023-02-01', 2024: '2024-02-01' },
  'voksne-langvarig-sammensatt': { 2023: '2023-03-31' },
  tryggest: { 2025: '2025-03-31' },
  'nav-sosiale-tjenester': { 2022: '2022-02-01' },
};

/**
 * Dates the samples keep clear of even where no deadline is documented, so that a scheme file
 * which generalises a deadline (1 Feb for NAV, 31 March for voksne …) raises nothing new.
 */
export function presumedDeadline(scheme: SchemeId, kind: 'application' | 'report', year: number): string {
  const known = deadlineFor(scheme, kind, year);
  if (known) return known;
  if (kind === 'report') return `${year + 1}-03-01`;
  switch (scheme) {
    case 'kommunalt-rusarbeid':
      return `${year}-03-01`;
    case 'kommunalt-rusarbeid-overgang':
    case 'nav-sosiale-tjenester':
      return `${year}-02-01`;
    case 'voksne-langvarig-sammensatt':
    case 'barn-unge-langvarig-sammensatt':
    case 'tryggest':
      return `${year}-03-31`;
    case 'smittevern-oppfolging':
      return `${year}-06-01`;
  }
}

export function deadlineFor(scheme: SchemeId, kind: 'application' | 'report', year: number): string | null {
  if (kind === 'report') return scheme === 'kommunalt-rusarbeid' ? `${year + 1}-03-01` : null;
  return DEADLINES[scheme]?.[year] ?? null;
}

/** Budget categories a scheme does not fund. */
export function excludedCategories(scheme: SchemeId): BudgetCategory[] {
  switch (scheme) {
    case 'kommunalt-rusarbeid':
      return ['investering', 'inventar', 'administrasjon'];
    case 'kommunalt-rusarbeid-overgang':
    case 'nav-sosiale-tjenester':
      return ['drift', 'investering', 'inventar', 'administrasjon', 'annet'];
    default:
      return [];
  }
}

export interface CapResult {
  amountCap: number | null;
  maxPositions: number | null;
}

export function capFor(
  scheme: SchemeId,
  year: number,
  priority: string | null,
  grantYear: number | null,
  positions: number | null,
): CapResult {
  const perPosition = (rate: number | undefined): number | null =>
    rate !== undefined && positions !== null ? rate * positions : null;
  switch (scheme) {
    case 'voksne-langvarig-sammensatt':
      if (grantYear === 0) return { amountCap: 600_000, maxPositions: null };
      return {
        amountCap: perPosition([0, 300_000, 300_000, 250_000, 200_000][grantYear ?? -1]),
        maxPositions: null,
      };
    case 'barn-unge-langvarig-sammensatt':
      if (grantYear === 0) return { amountCap: 600_000, maxPositions: null };
      if (priority === 'FACT-ung') {
        return {
          amountCap: perPosition([0, 500_000, 500_000, 300_000, 200_000][grantYear ?? -1]),
          maxPositions: 10,
        };
      }
      if (priority === 'Lavterskeltilbud' && (grantYear === 1 || grantYear === 2)) {
        return { amountCap: 2_500_000, maxPositions: 5 };
      }
      return { amountCap: null, maxPositions: null };
    case 'kommunalt-rusarbeid-overgang':
      return { amountCap: year >= 2023 ? perPosition(330_000) : null, maxPositions: null };
    case 'tryggest':
      return { amountCap: 400_000, maxPositions: null };
    case 'nav-sosiale-tjenester':
      return { amountCap: perPosition(610_000), maxPositions: null };
    default:
      return { amountCap: null, maxPositions: null };
  }
}

export function requiredFields(
  scheme: SchemeId | null,
  kind: 'application' | 'report',
  year: number,
): string[] {
  if (kind === 'report')
    return ['applicant.name', 'applicant.orgNumber', 'year', 'grantedAmount', 'spentAmount'];
  const fields = ['applicant.name', 'applicant.orgNumber', 'year', 'requestedAmount'];
  const perPosition =
    scheme === 'voksne-langvarig-sammensatt' ||
    scheme === 'barn-unge-langvarig-sammensatt' ||
    scheme === 'nav-sosiale-tjenester' ||
    (scheme === 'kommunalt-rusarbeid-overgang' && year >= 2023);
  if (perPosition) fields.push('positions', 'grantYear');
  if (scheme === 'voksne-langvarig-sammensatt' || scheme === 'barn-unge-langvarig-sammensatt') {
    fields.push('priority');
  }
  return fields;
}

export function requiresAgreementWithHf(scheme: SchemeId | null): boolean {
  return scheme === 'voksne-langvarig-sammensatt' || scheme === 'barn-unge-langvarig-sammensatt';
}

/** Budget category keywords of docs/checks.md, matched as substrings of the lower-cased line. */
export const CATEGORY_KEYWORDS: Record<Exclude<BudgetCategory, 'annet'>, string[]> = {
  lønn: ['lønn', 'stilling', 'årsverk', 'personal', 'sosiale kostnader', 'arbeidsgiveravgift', 'pensjon'],
  drift: [
    'drift',
    'husleie',
    'reise',
    'kurs',
    'opplæring',
    'kompetanse',
    'veiledning',
    'aktiviteter',
    'materiell',
    'informasjon',
    'transport',
  ],
  investering: ['investering', 'bil', 'kjøretøy', 'ombygging', 'bygg'],
  inventar: ['inventar', 'møbler', 'utstyr', 'pc', 'datautstyr'],
  administrasjon: ['administrasjon', 'adm.', 'overhead', 'kontorhold'],
};

/** The categories a budget line's wording points to (more than one means the line is ambiguous). */
export function categoriesOf(label: string): BudgetCategory[] {
  const lower = label.toLowerCase();
  const hits = (Object.keys(CATEGORY_KEYWORDS) as Array<keyof typeof CATEGORY_KEYWORDS>).filter((cat) =>
    CATEGORY_KEYWORDS[cat].some((k) => lower.includes(k)),
  );
  return hits.length === 0 ? ['annet'] : hits;
}
