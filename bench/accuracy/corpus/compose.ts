import {
  bankAccount,
  formatDate,
  formatGrantYear,
  formatMoney,
  formatOrgNumber,
  formatPositions,
  formatPositionsValue,
  formatTableNumber,
  addDays,
  phoneNumber,
  pickDateStyle,
  pickMoneyStyle,
  type DateStyle,
  type TableNumberStyle,
} from './formats.ts';
import type { Plan, PlannedLine, PlannedPartner } from './plan.ts';
import type { Rng } from './rng.ts';
import type {
  Block,
  CellStyle,
  CellValue,
  DocModel,
  PdfModel,
  PdfStyle,
  SheetModel,
  XlsxModel,
} from './document-model.ts';
import {
  BACKGROUND,
  COUNTY_OFFICES,
  DEPARTMENTS,
  countyOffice,
  FILLER,
  FIRST_NAMES,
  LABELS,
  LAST_NAMES,
  PRIORITY_TEXT,
  SCHEME_NAMES,
  SCHEME_OWNERS,
  TARGET_GROUPS,
  TITLES,
} from './vocabulary-known.ts';

/**
 * Turns a plan into documents. Every value a plan says is written appears in at least one
 * document, in a randomly chosen wording, layout and number format; every value it says is
 * missing appears in none. Noise (phone numbers, account numbers, postcodes, other years, own
 * funding, caps quoted from the announcement) is added around them.
 */

export interface Composed {
  docs: DocModel[];
  templates: string[];
}

type Row = [string, string];

interface Person {
  name: string;
  title: string;
  phone: string;
  email: string;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const joinList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
const emailSlug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

class Writer {
  readonly schemeName: string;
  readonly place: string;
  readonly contact: Person;
  readonly signer: Person;
  readonly account: string;
  readonly address: string[];
  readonly ref: string;
  readonly department: string;
  readonly county: string;
  readonly dateStyle: DateStyle;
  readonly created: string;

  constructor(
    readonly rng: Rng,
    readonly plan: Plan,
  ) {
    this.schemeName = plan.scheme ? rng.pick(SCHEME_NAMES[plan.scheme]) : (plan.otherGrant ?? '');
    this.place =
      plan.applicant.municipality?.plainName ?? rng.pick(['Molde', 'Bodø', 'Steinkjer', 'Hamar', 'Tromsø']);
    const domain = plan.applicant.municipality
      ? `${emailSlug(plan.applicant.municipality.plainName)}.kommune.no`
      : `${emailSlug(plan.applicant.name).slice(0, 16)}.no`;
    const person = (titles: readonly string[]): Person => {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      return {
        name: `${first} ${last}`,
        title: rng.pick(titles),
        phone: phoneNumber(rng),
        email: `${emailSlug(first)}.${emailSlug(last)}@${domain}`,
      };
    };
    this.contact = person(['rådgiver', 'prosjektleder', 'enhetsleder', 'fagleder', 'teamleder']);
    this.signer = person(plan.applicant.municipality ? TITLES : ['daglig leder', 'styreleder', 'leder']);
    this.account = bankAccount(rng);
    const postcode = String(rng.int(1000, 9990)).padStart(4, '0');
    this.address = rng.pick([
      [`Postboks ${rng.int(1, 2500)}`, `${postcode} ${this.place.toUpperCase()}`],
      [
        `${rng.pick(['Rådhusgata', 'Kirkegata', 'Storgata', 'Torget'])} ${rng.int(1, 40)}`,
        `${postcode} ${this.place}`,
      ],
    ]);
    this.ref = `${String(plan.folderYear).slice(2)}/${rng.int(100, 9999)}-${rng.int(1, 12)}`;
    // Documents about other grants must not name any scheme, not even through a department name.
    this.department = plan.scheme
      ? rng.pick(DEPARTMENTS)
      : rng.pick(['Helse og velferd', 'Kommunalområde helse og omsorg', 'Stab']);
    const m = plan.applicant.municipality;
    this.county = m ? countyOffice(m.number.slice(0, 2), plan.folderYear) : rng.pick(COUNTY_OFFICES);
    this.dateStyle = pickDateStyle(rng);
    this.headingStyle = rng.pick(['dot', 'plain-number', 'none'] as const);
    this.created = `${plan.submittedDate ?? `${plan.folderYear}-01-15`}T10:00:00Z`;
  }

  money(amount: number, allowMillions = true): string {
    return formatMoney(amount, pickMoneyStyle(this.rng, amount, allowMillions));
  }

  date(iso: string, style: DateStyle = this.dateStyle): string {
    return formatDate(iso, style);
  }

  /** "Molde, 3. mars 2025" or "Dato: 03.03.2025". */
  placeDate(iso: string): string {
    return this.rng.chance(0.6)
      ? `${this.place}, ${this.date(iso, this.rng.pick(['long', 'long', 'dotted'] as const))}`
      : `${this.rng.pick(['Dato', 'Dato:'] as const).replace(/:?$/, ':')} ${this.date(iso)}`;
  }

  label<K extends keyof typeof LABELS>(k: K): string {
    return this.rng.pick(LABELS[k]);
  }

  partnerText(p: PlannedPartner): string {
    return p.orgNumber ? `${p.name} (org.nr. ${formatOrgNumber(this.rng, p.orgNumber)})` : p.name;
  }

  yearNoise(): string | null {
    const y = this.plan.year;
    return this.rng.pick([
      `Tiltaket ble etablert i ${y - this.rng.int(2, 6)} og er senere utvidet.`,
      `Arbeidet bygger på kommunens ${this.plan.scheme ? 'plan for psykisk helse og rus' : 'helse- og omsorgsplan'} ${y - this.rng.int(3, 5)}–${y + this.rng.int(0, 3)}.`,
      `Kommunen har om lag ${formatTableNumber(this.rng.int(1200, 60_000), 'space')} innbyggere.`,
      `Brukerundersøkelsen fra ${y - this.rng.int(2, 4)} viste behov for et bedre tilbud.`,
      null,
    ]);
  }

  // ---- field rows -------------------------------------------------------------------------

  applicantRow(): Row {
    const label = this.label('applicant');
    const m = this.plan.applicant.municipality;
    let value = this.plan.applicant.name;
    if (m && label === 'Kommune' && this.rng.chance(0.6)) value = m.plainName;
    else if (m && this.plan.scheme === 'nav-sosiale-tjenester' && this.rng.chance(0.25)) {
      value = `${this.plan.applicant.name} v/NAV ${m.plainName}`;
    }
    return [label, value];
  }

  orgRow(): Row | null {
    const n = this.plan.applicant.orgNumber;
    if (n === null) return this.rng.chance(0.5) ? [this.label('orgNumber'), ''] : null;
    return [this.label('orgNumber'), formatOrgNumber(this.rng, n)];
  }

  municipalityNumberRow(): Row | null {
    const m = this.plan.applicant.municipality;
    return m && this.plan.applicant.writeMunicipalityNumber
      ? [this.label('municipalityNumber'), m.number]
      : null;
  }

  schemeRow(): Row {
    return [this.label('scheme'), this.schemeName];
  }

  yearRow(): Row | null {
    if (!this.plan.yearWritten) return null;
    return [
      this.label(this.plan.kind === 'application' ? 'yearApplication' : 'yearReport'),
      String(this.plan.year),
    ];
  }

  priorityRow(): Row | null {
    const p = this.plan.priority;
    return p ? [this.label('priority'), this.rng.pick(PRIORITY_TEXT[p] ?? [p])] : null;
  }

  grantYearRow(): Row | null {
    const g = this.plan.grantYear;
    const periodYears = this.plan.scheme === 'nav-sosiale-tjenester' ? 3 : 4;
    return g === null ? null : [this.label('grantYear'), formatGrantYear(this.rng, g, 'field', periodYears)];
  }

  positionsRow(): Row | null {
    const p = this.plan.positions;
    if (p === null) return null;
    const label = this.label('positions');
    return [label, formatPositionsValue(this.rng, p, label)];
  }

  moneyRow(kind: 'requested' | 'granted' | 'spent' | 'unused', amount: number | null): Row | null {
    return amount === null ? null : [this.label(kind), this.money(amount)];
  }

  partnersRow(): Row | null {
    if (this.plan.partners.length === 0 || !this.plan.partnersInMain) return null;
    return [this.label('partners'), this.plan.partners.map((p) => this.partnerText(p)).join(', ')];
  }

  dateRow(): Row | null {
    const d = this.plan.submittedDate;
    return d ? [this.label('date'), this.date(d)] : null;
  }

  contactRows(): Row[] {
    const rows: Row[] = [[this.label('contact'), `${this.contact.name}, ${this.contact.title}`]];
    if (this.rng.chance(0.8)) rows.push([this.label('phone'), this.contact.phone]);
    if (this.rng.chance(0.7)) rows.push([this.label('email'), this.contact.email]);
    return rows;
  }

  addressRow(): Row {
    return [this.label('address'), this.address.join(', ')];
  }

  accountRow(): Row {
    return [this.label('account'), this.account];
  }

  applicantRows(): Row[] {
    const rows: (Row | null)[] = [this.applicantRow(), this.orgRow(), this.municipalityNumberRow()];
    if (this.rng.chance(0.7)) rows.push(this.addressRow());
    rows.push(...this.contactRows());
    if (this.rng.chance(0.6)) rows.push(this.accountRow());
    return rows.filter((r): r is Row => r !== null);
  }

  // ---- sentences ------------------------------------------------------------------------

  schemeSentenceName(): string {
    return this.plan.scheme ? `«${this.schemeName}»` : this.schemeName;
  }

  applicationOpening(): string {
    const p = this.plan;
    const who = p.applicant.name;
    const forYear = p.yearWritten ? ` for ${p.year}` : '';
    const amount = p.requested === null ? null : this.money(p.requested);
    const scheme = this.schemeSentenceName();
    if (amount === null) {
      return this.rng.pick([
        `${who} søker med dette om tilskudd fra ordningen ${scheme}${forYear}.`,
        `Vi viser til utlysningen og søker om midler fra ${scheme}${forYear}. Beløpet fremgår av vedlagt oversikt.`,
      ]);
    }
    return this.rng.pick([
      `${who} søker med dette om ${amount} i tilskudd fra ordningen ${scheme}${forYear}.`,
      `Vi viser til utlysning av tilskuddsmidler fra ${SCHEME_OWNERS[p.scheme ?? 'kommunalt-rusarbeid']}. ${who} søker herved om tilskudd på ${amount} fra ${scheme}${forYear}.`,
      `Det søkes om ${amount} fra ${scheme}${forYear}.`,
      `Med dette søker ${who} om ${amount} til videre arbeid innenfor ${scheme}${forYear}.`,
      `${who} søker om ${amount} i tilskudd${forYear}. Søknaden gjelder ${scheme}.`,
    ]);
  }

  positionsSentence(): string | null {
    const p = this.plan.positions;
    if (p === null) return null;
    const text = formatPositions(this.rng, p);
    return this.rng.pick([
      `Tilskuddet skal dekke lønn til ${text} i tjenesten.`,
      `Det søkes om midler til ${text}.`,
      `Teamet vil bestå av ${text} fordelt på flere faggrupper.`,
      `Tiltaket har en samlet bemanning på ${text}.`,
    ]);
  }

  prioritySentence(): string | null {
    const p = this.plan.priority;
    if (!p) return null;
    const text = this.rng.pick(PRIORITY_TEXT[p] ?? [p]);
    if (this.plan.kind === 'report') {
      return this.rng.pick([`Tilskuddet er brukt til ${text}.`, `Rapporten gjelder ${text}.`]);
    }
    return this.rng.pick([
      `Søknaden gjelder ${text}.`,
      `Tiltaket faller inn under ordningens prioriterte område: ${text}.`,
      `Vi søker om midler til ${text}.`,
    ]);
  }

  grantYearSentence(): string | null {
    const g = this.plan.grantYear;
    if (g === null) return null;
    const text = formatGrantYear(this.rng, g, 'sentence');
    if (this.plan.kind === 'report') {
      return g === 0 ? `Tilskuddet gikk til ${text}.` : `Rapporten gjelder ${text} i tilskuddsperioden.`;
    }
    if (g === 0) {
      return this.rng.pick([
        `Kommunen ønsker å starte med ${text} for å planlegge tiltaket.`,
        `Søknaden gjelder ${text}.`,
      ]);
    }
    return this.rng.pick([
      `Dette er søknad for ${text} i tilskuddsperioden.`,
      `Tiltaket går nå inn i ${text}.`,
      `Søknaden gjelder ${text} av tilskuddsperioden.`,
    ]);
  }

  partnersSentence(): string | null {
    const p = this.plan.partners;
    if (p.length === 0 || !this.plan.partnersInMain) return null;
    const names = joinList(p.map((x) => this.partnerText(x)));
    const trust = p.find((x) => x.kind === 'helseforetak');
    const agreement = this.plan.agreement
      ? this.rng.pick([' Samarbeidsavtale er vedlagt.', ' Se vedlagt samarbeidsavtale.', ''])
      : trust && this.plan.kind === 'application'
        ? this.rng.pick([' Samarbeidsavtale vil bli ettersendt.', ''])
        : '';
    if (this.plan.kind === 'report') {
      return this.rng.pick([
        `Tiltaket er gjennomført i samarbeid med ${names}.`,
        `Samarbeidspartnere har vært ${names}.`,
      ]);
    }
    return (
      this.rng.pick([
        `Tiltaket utvikles i samarbeid med ${names}.`,
        `Samarbeidspartnere i prosjektet er ${names}.`,
        `Søknaden er utarbeidet i fellesskap med ${names}.`,
      ]) + agreement
    );
  }

  ownFundingSentence(): string | null {
    const o = this.plan.ownFunding;
    if (o === null) return null;
    const pct = this.plan.requested
      ? Math.round((o / (o + this.plan.requested)) * 100)
      : this.rng.int(15, 40);
    return this.rng.pick([
      `Kommunen bidrar selv med ${this.money(o)} i egenfinansiering (${pct} %).`,
      `Kommunal egenandel er ${this.money(o)}, tilsvarende ${pct} % av totalkostnaden.`,
      `Egenfinansieringen utgjør ${pct} prosent.`,
    ]);
  }

  previousGrantSentence(): string | null {
    const g = this.plan.previousGrant;
    if (g === null) return null;
    const when = this.plan.yearWritten ? ` i ${this.plan.year - 1}` : ' i fjor';
    return this.rng.pick([
      `Kommunen fikk tilsagn om ${this.money(g)} fra ordningen${when}.`,
      `Til sammenligning ble det${when} gitt ${this.money(g)} til tiltaket.`,
    ]);
  }

  capNoise(): string | null {
    switch (this.plan.scheme) {
      case 'tryggest':
        return 'Hver kommune kan maksimalt søke om kroner 400 000,-.';
      case 'barn-unge-langvarig-sammensatt':
        return this.plan.priority === 'FACT-ung'
          ? 'Ifølge regelverket gis det inntil kr 500 000 per 100 % stilling de to første årene.'
          : 'Det gis maksimalt 2,5 mill. kroner per år til lavterskeltilbud.';
      case 'voksne-langvarig-sammensatt':
        return 'Forprosjekt kan gis med inntil kr 600 000 for ett år.';
      case 'kommunalt-rusarbeid-overgang':
        return 'Tilskuddet beregnes med kr 330 000 per stilling.';
      default:
        return null;
    }
  }

  contactSentence(): string {
    return this.rng.pick([
      `Kontaktperson for søknaden er ${this.contact.name}, tlf. ${this.contact.phone}, e-post ${this.contact.email}.`,
      `Spørsmål kan rettes til ${this.contact.title} ${this.contact.name} på telefon ${this.contact.phone}.`,
    ]);
  }

  // ---- budget ---------------------------------------------------------------------------

  budgetTable(report: boolean): Block {
    const p = this.plan;
    const numStyle: TableNumberStyle = this.rng.pick([
      'space',
      'space',
      'nbsp',
      'dots',
      'plain',
      'kr-space',
      'decimals',
    ]);
    const n = (x: number): string => formatTableNumber(x, numStyle);
    const other = p.budgetOtherColumn;
    const header = report
      ? other === 'planned'
        ? this.rng.pick([
            ['Post', 'Budsjett', 'Regnskap'],
            ['Kostnad', 'Budsjett', 'Forbrukt'],
          ])
        : this.rng.pick([
            ['Post', 'Regnskap'],
            ['Utgiftspost', 'Forbrukt'],
            ['Kostnadsart', 'Brukt av tilskuddet'],
          ])
      : other === 'own'
        ? this.rng.pick([
            ['Kostnadspost', 'Søkt tilskudd', 'Egenfinansiering', 'Sum'],
            ['Post', 'Fra tilskudd', 'Kommunal egenandel', 'Totalt'],
            ['Utgift', 'Omsøkt', 'Egne midler'],
          ])
        : this.rng.pick([
            ['Kostnadspost', 'Beløp'],
            ['Post', 'Søkt beløp'],
            ['Budsjettpost', 'Kr'],
            ['Utgifter', 'Beløp (kr)'],
          ]);
    const withSum = header.length === 4;
    const rows = p.budget.map((l: PlannedLine) => {
      if (report && other === 'planned') return [l.label, n(l.other ?? 0), n(l.amount)];
      if (other === 'own') {
        const row = [l.label, n(l.amount), n(l.other ?? 0)];
        if (withSum) row.push(n(l.amount + (l.other ?? 0)));
        return row;
      }
      return [l.label, n(l.amount)];
    });
    let total: string[] | undefined;
    if (p.budgetStatedTotal !== null) {
      const label = this.rng.pick(
        report ? ['Sum', 'Sum forbruk', 'Totalt', 'SUM'] : ['Sum', 'Totalt', 'Sum søknad', 'SUM', 'Total'],
      );
      const otherSum = p.budget.reduce((s, l) => s + (l.other ?? 0), 0);
      if (report && other === 'planned') total = [label, n(otherSum), n(p.budgetStatedTotal)];
      else if (other === 'own') {
        total = [label, n(p.budgetStatedTotal), n(otherSum)];
        if (withSum) total.push(n(p.budgetStatedTotal + otherSum));
      } else total = [label, n(p.budgetStatedTotal)];
    }
    return { t: 'table', header, rows, total, numeric: header.map((_, i) => i > 0) };
  }

  budgetSentence(): string {
    const parts = this.plan.budget.map((l) => `${this.money(l.amount, false)} til ${lowerFirst(l.label)}`);
    const total =
      this.plan.budgetStatedTotal !== null
        ? ` Samlet utgjør dette ${this.money(this.plan.budgetStatedTotal, false)}.`
        : '';
    return `Midlene er planlagt brukt med ${joinList(parts)}.${total}`;
  }

  spendingSentence(): string {
    const parts = this.plan.budget.map((l) => `${lowerFirst(l.label)} ${this.money(l.amount, false)}`);
    const total =
      this.plan.budgetStatedTotal !== null
        ? ` Sum forbruk: ${this.money(this.plan.budgetStatedTotal, false)}.`
        : '';
    return `Fordelt på poster: ${parts.join('; ')}.${total}`;
  }

  signature(): string[] {
    const lines = [
      this.rng.pick(['Med vennlig hilsen', 'Med hilsen', 'Vennlig hilsen']),
      '',
      this.signer.name,
      this.signer.title,
    ];
    if (this.rng.chance(0.3))
      lines.push('', 'Dokumentet er elektronisk godkjent og har derfor ingen signatur.');
    return lines;
  }

  pdfStyle(forceFields?: PdfStyle['fields']): PdfStyle {
    return {
      font: this.rng.pick(['dejavu-sans', 'dejavu-sans', 'dejavu-serif', 'helvetica', 'times']),
      size: this.rng.pick([9.5, 10, 10.5, 11, 11.5]),
      margin: this.rng.pick([50, 56, 64, 72]),
      fields: forceFields ?? this.rng.pick(['colon', 'colon', 'tab', 'stacked', 'grid']),
      labelWidth: this.rng.pick([150, 170, 190, 210]),
    };
  }

  /** Section headings numbered one way throughout a document: "1. Søker", "1 Søker" or "Søker". */
  private headingStyle: 'dot' | 'plain-number' | 'none' = 'none';
  private headingCount = 0;
  heading(text: string): Block {
    this.headingCount++;
    const n = this.headingCount;
    const prefix =
      this.headingStyle === 'dot' ? `${n}. ` : this.headingStyle === 'plain-number' ? `${n} ` : '';
    return { t: 'heading', text: `${prefix}${text}` };
  }

  pdf(name: string, template: string, title: string, blocks: Block[], style = this.pdfStyle()): PdfModel {
    this.headingCount = 0;
    const who = (text: string): string =>
      this.plan.applicant.municipality
        ? text
        : text
            .replace(/\bKommunen\b/g, 'Vi')
            .replace(/\bkommunens\b/g, 'vår')
            .replace(/\bKommunens\b/g, 'Vår');
    // "… 2,5 mill." at the end of a sentence gets one full stop, not two.
    const fixed = blocks.map((b) =>
      b.t === 'para' ? { ...b, text: who(b.text).replace(/\.\.(\s|$)/g, '.$1') } : b,
    );
    return { type: 'pdf', name, template, title, created: this.created, style, blocks: fixed };
  }
}

/** Sometimes a "Bakgrunn" section of several paragraphs (for multi-page documents). */
function background(w: Writer): Block[] {
  if (!w.rng.chance(0.35)) return [];
  const texts = w.rng.sample(BACKGROUND, w.rng.int(2, BACKGROUND.length));
  return [
    w.heading(w.rng.pick(['Bakgrunn', 'Bakgrunn for søknaden', 'Beskrivelse av tiltaket'])),
    ...texts.map((text) => ({ t: 'para', text }) as Block),
  ];
}

/** "Vedlegg:" lines under a letter, naming what is attached. */
function attachmentList(w: Writer): Block | null {
  const items = compact([
    w.plan.budget.length > 0 ? 'Budsjett' : null,
    w.plan.agreement ? 'Samarbeidsavtale' : null,
    w.rng.chance(0.3) ? 'Organisasjonskart' : null,
  ]);
  if (items.length === 0 || !w.rng.chance(0.6)) return null;
  return { t: 'lines', lines: ['Vedlegg:', ...items.map((x, i) => `${i + 1}. ${x}`)] };
}

const compact = <T>(xs: (T | null | undefined | false)[]): T[] =>
  xs.filter((x): x is T => x !== null && x !== undefined && x !== false);

const paras = (texts: (string | null)[]): Block[] =>
  compact(texts).map((text) => ({ t: 'para', text }) as Block);

/** Rows with some neighbours swapped, so field order is not always the same. */
function jiggle<T>(rng: Rng, rows: T[]): T[] {
  const out = [...rows];
  for (let i = 0; i + 1 < out.length; i++) {
    if (rng.chance(0.2)) [out[i], out[i + 1]] = [out[i + 1] as T, out[i] as T];
  }
  return out;
}

// ---- application templates ----------------------------------------------------------------

type BudgetPlace = 'main' | 'sheet' | 'both' | 'none';

function titleOfApplication(w: Writer): { title: string; subtitle: string | null } {
  const p = w.plan;
  const y = p.yearWritten ? String(p.year) : null;
  if (!p.scheme) {
    return w.rng.pick([
      { title: `Søknad om ${p.otherGrant}${y ? ` ${y}` : ''}`, subtitle: null },
      { title: `Søknad om tilskudd${y ? ` for ${y}` : ''}`, subtitle: `Gjelder: ${p.otherGrant}` },
    ]);
  }
  return w.rng.pick([
    { title: `Søknad om tilskudd – ${w.schemeName}${y ? ` ${y}` : ''}`, subtitle: null },
    { title: y ? `Søknad om tilskudd for ${y}` : 'Søknad om tilskudd', subtitle: w.schemeName },
    { title: `Søknadsskjema – ${w.schemeName}`, subtitle: y ? `Tilskuddsår: ${y}` : null },
    { title: `${w.schemeName}`, subtitle: y ? `Søknad om midler for ${y}` : 'Søknad om midler' },
  ]);
}

function applicationFieldsAboutMeasure(w: Writer): Row[] {
  return compact([
    w.rng.chance(0.7) ? w.schemeRow() : null,
    w.yearRow(),
    w.priorityRow(),
    w.grantYearRow(),
    w.positionsRow(),
    w.partnersRow(),
  ]);
}

function applicationFormExport(w: Writer, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title, subtitle } = titleOfApplication(w);
  const submitted = p.submittedDate
    ? `${w.rng.pick(['Innsendt', 'Sendt inn', 'Mottatt'])}: ${w.date(p.submittedDate, 'dotted')} kl. ${w.rng.int(8, 22)}:${String(w.rng.int(0, 59)).padStart(2, '0')}`
    : null;
  const style = w.pdfStyle();
  const blocks: Block[] = compact<Block>([
    { t: 'small', text: `${w.county} · Elektronisk søknadsskjema · Ref. ${w.ref}` },
    { t: 'title', text: title },
    subtitle ? { t: 'subtitle', text: subtitle } : null,
    submitted ? { t: 'small', text: submitted } : null,
    w.heading(w.rng.pick(['Opplysninger om søker', 'Søker'])),
    { t: 'fields', rows: jiggle(w.rng, w.applicantRows()) },
    w.heading(w.rng.pick(['Om tiltaket', 'Tiltak', 'Tiltaket'])),
    { t: 'fields', rows: applicationFieldsAboutMeasure(w) },
    { t: 'para', text: w.rng.pick(TARGET_GROUPS[p.scheme ?? 'other']) },
    ...paras([w.rng.pick(FILLER), w.yearNoise(), w.rng.chance(0.3) ? w.capNoise() : null]),
    ...background(w),
    w.heading(w.rng.pick(['Økonomi', 'Budsjett og finansiering'])),
    {
      t: 'fields',
      rows: compact([
        w.moneyRow('requested', p.requested),
        p.ownFunding !== null ? ([w.label('ownFunding'), w.money(p.ownFunding)] as Row) : null,
        p.ownFunding !== null && p.requested !== null && w.rng.chance(0.4)
          ? ([w.label('totalCost'), w.money(p.ownFunding + p.requested)] as Row)
          : null,
      ]),
    },
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    budgetPlace === 'sheet' ? { t: 'para', text: 'Detaljert budsjett følger som vedlegg.' } : null,
    ...paras([w.previousGrantSentence()]),
    w.heading(w.rng.pick(['Underskrift', 'Bekreftelse'])),
    { t: 'para', text: 'Søker bekrefter at opplysningene i søknaden er korrekte.' },
    {
      t: 'lines',
      lines: compact([p.submittedDate ? w.placeDate(p.submittedDate) : null, w.signer.name, w.signer.title]),
    },
  ]);
  return w.pdf(name, 'app-form-export', title, blocks, style);
}

function applicationWordGrid(w: Writer, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title, subtitle } = titleOfApplication(w);
  const style = w.pdfStyle('grid');
  const blocks: Block[] = compact<Block>([
    { t: 'title', text: w.rng.pick(['SØKNADSSKJEMA', title]) },
    { t: 'subtitle', text: subtitle ?? (p.scheme ? w.schemeName : title) },
    { t: 'heading', text: 'Del 1 – Søker' },
    { t: 'fields', rows: w.applicantRows() },
    { t: 'heading', text: 'Del 2 – Tiltaket' },
    {
      t: 'fields',
      rows: compact([
        w.schemeRow(),
        w.yearRow(),
        w.priorityRow(),
        w.grantYearRow(),
        w.positionsRow(),
        w.partnersRow(),
        w.moneyRow('requested', p.requested),
      ]),
    },
    { t: 'heading', text: 'Beskrivelse av tiltaket' },
    ...paras([
      w.rng.pick(TARGET_GROUPS[p.scheme ?? 'other']),
      w.rng.pick(FILLER),
      w.yearNoise(),
      w.ownFundingSentence(),
    ]),
    budgetPlace === 'main' || budgetPlace === 'both' ? { t: 'heading', text: 'Budsjett' } : null,
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    { t: 'heading', text: 'Underskrift' },
    {
      t: 'fields',
      rows: compact([
        w.dateRow(),
        [w.rng.pick(['Underskrift', 'Signatur']), `${w.signer.name}, ${w.signer.title}`] as Row,
      ]),
    },
  ]);
  return w.pdf(name, 'app-word-grid', title, blocks, style);
}

function letterhead(w: Writer): Block {
  const p = w.plan;
  const name = w.rng.chance(0.4) ? p.applicant.name.toUpperCase() : p.applicant.name;
  return { t: 'letterhead', name, lines: compact([w.rng.chance(0.6) ? w.department : null, ...w.address]) };
}

function letterFooter(w: Writer): Block | null {
  const p = w.plan;
  const parts = compact([
    p.applicant.orgNumber ? `${w.label('orgNumber')} ${formatOrgNumber(w.rng, p.applicant.orgNumber)}` : null,
    p.applicant.municipality && p.applicant.writeMunicipalityNumber
      ? `${w.label('municipalityNumber')} ${p.applicant.municipality.number}`
      : null,
    w.rng.chance(0.6) ? `${w.label('account')} ${w.account}` : null,
    w.rng.chance(0.5) ? `Tlf. ${phoneNumber(w.rng)}` : null,
  ]);
  return parts.length > 0 ? { t: 'small', text: parts.join(' · ') } : null;
}

const OFFICE_TOWNS: [RegExp, string][] = [
  [/Trøndelag/, 'STEINKJER'],
  [/Nordland/, 'BODØ'],
  [/Møre og Romsdal/, 'MOLDE'],
  [/Vestland/, 'LEIKANGER'],
  [/Innlandet/, 'HAMAR'],
  [/Troms og Finnmark/, 'VADSØ'],
  [/Agder/, 'ARENDAL'],
  [/Rogaland/, 'STAVANGER'],
  [/Vestfold og Telemark/, 'TØNSBERG'],
  [/Oslo/, 'OSLO'],
];

function recipient(w: Writer): Block {
  const town = OFFICE_TOWNS.find(([re]) => re.test(w.county))?.[1] ?? 'OSLO';
  return {
    t: 'lines',
    lines: [
      w.county,
      'Helseavdelingen',
      `Postboks ${w.rng.int(100, 9000)}`,
      `${w.rng.int(1000, 9990)} ${town}`,
    ],
  };
}

function refLines(w: Writer): Block {
  const p = w.plan;
  const lines = [
    `Vår ref.: ${w.ref}`,
    `Deres ref.: ${w.rng.pick(['', `${p.folderYear}/${w.rng.int(1000, 9999)}`])}`,
  ];
  if (p.submittedDate)
    lines.push(w.rng.chance(0.5) ? `Dato: ${w.date(p.submittedDate)}` : w.placeDate(p.submittedDate));
  return { t: 'right', lines };
}

function applicationLetter(w: Writer, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title } = titleOfApplication(w);
  const orgInText = p.applicant.orgNumber !== null && w.rng.chance(0.3);
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    { t: 'gap' },
    recipient(w),
    refLines(w),
    { t: 'title', text: title },
    ...paras([
      w.applicationOpening(),
      w.rng.pick(TARGET_GROUPS[p.scheme ?? 'other']),
      w.prioritySentence(),
      w.grantYearSentence(),
      w.positionsSentence(),
      w.partnersSentence(),
      w.yearNoise(),
      w.rng.pick(FILLER),
      w.ownFundingSentence(),
      w.previousGrantSentence(),
      budgetPlace === 'main' && w.rng.chance(0.4) ? w.budgetSentence() : null,
    ]),
    (budgetPlace === 'main' && !w.rng.chance(0.4)) || budgetPlace === 'both' ? w.budgetTable(false) : null,
    budgetPlace === 'sheet' ? { t: 'para', text: 'Budsjett for tiltaket er vedlagt.' } : null,
    orgInText && p.applicant.orgNumber
      ? {
          t: 'para',
          text: `Kommunens organisasjonsnummer er ${formatOrgNumber(w.rng, p.applicant.orgNumber)}.`,
        }
      : null,
    ...background(w),
    { t: 'para', text: w.contactSentence() },
    { t: 'lines', lines: w.signature() },
    attachmentList(w),
    orgInText ? null : letterFooter(w),
  ]);
  // A letter that states the budget only in a sentence still must state it: fix the rare case where it was dropped.
  if (
    budgetPlace === 'main' &&
    !blocks.some((b) => b.t === 'table' || (b.t === 'para' && b.text.startsWith('Midlene er planlagt')))
  ) {
    blocks.splice(blocks.length - 2, 0, w.budgetTable(false));
  }
  if (orgInText && p.applicant.municipality && p.applicant.writeMunicipalityNumber) {
    blocks.push({ t: 'small', text: `Kommunenr. ${p.applicant.municipality.number}` });
  }
  return w.pdf(name, 'app-letter', title, blocks, w.pdfStyle());
}

function applicationStacked(w: Writer, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title, subtitle } = titleOfApplication(w);
  const rows = compact<Row>([
    ...w.applicantRows(),
    w.schemeRow(),
    w.yearRow(),
    w.priorityRow(),
    w.grantYearRow(),
    w.positionsRow(),
    w.partnersRow(),
    w.moneyRow('requested', p.requested),
    w.dateRow(),
  ]);
  const blocks: Block[] = compact<Block>([
    { t: 'title', text: title },
    subtitle ? { t: 'subtitle', text: subtitle } : null,
    { t: 'fields', rows: jiggle(w.rng, rows) },
    { t: 'heading', text: w.rng.pick(['Kort om tiltaket', 'Beskrivelse', 'Formål']) },
    ...paras([
      w.rng.pick(TARGET_GROUPS[p.scheme ?? 'other']),
      w.rng.pick(FILLER),
      w.ownFundingSentence(),
      w.yearNoise(),
    ]),
    budgetPlace === 'main' || budgetPlace === 'both' ? { t: 'heading', text: 'Budsjett' } : null,
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    { t: 'lines', lines: [w.signer.name, w.signer.title] },
  ]);
  return w.pdf(name, 'app-stacked', title, blocks, w.pdfStyle(w.rng.pick(['stacked', 'stacked', 'tab'])));
}

function applicationLetterWithFacts(w: Writer, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title } = titleOfApplication(w);
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    refLines(w),
    { t: 'title', text: title },
    ...paras([w.rng.pick(FILLER), w.rng.pick(TARGET_GROUPS[p.scheme ?? 'other']), w.yearNoise()]),
    { t: 'heading', text: w.rng.pick(['Nøkkelopplysninger', 'Opplysninger om søknaden', 'Sammendrag']) },
    {
      t: 'fields',
      rows: jiggle(
        w.rng,
        compact<Row>([
          w.applicantRow(),
          w.orgRow(),
          w.municipalityNumberRow(),
          w.schemeRow(),
          w.yearRow(),
          w.priorityRow(),
          w.grantYearRow(),
          w.positionsRow(),
          w.partnersRow(),
          w.moneyRow('requested', p.requested),
        ]),
      ),
    },
    ...paras([w.ownFundingSentence(), w.previousGrantSentence(), w.rng.chance(0.3) ? w.capNoise() : null]),
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    { t: 'para', text: w.contactSentence() },
    { t: 'lines', lines: w.signature() },
  ]);
  return w.pdf(name, 'app-letter-facts', title, blocks, w.pdfStyle(w.rng.pick(['tab', 'colon', 'grid'])));
}

// ---- spreadsheets -------------------------------------------------------------------------

const col = (i: number): string => String.fromCharCode(65 + i);

class SheetBuilder {
  readonly rows: (CellValue | [CellValue, CellStyle])[][] = [];
  add(...cells: (CellValue | [CellValue, CellStyle])[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  blank(): void {
    this.rows.push([]);
  }
}

const bold = (v: CellValue): [CellValue, CellStyle] => [v, { bold: true }];

interface SheetNumberStyle {
  asText: boolean;
  numFmt: string;
}

function sheetNumber(w: Writer, style: SheetNumberStyle, amount: number): CellValue | [CellValue, CellStyle] {
  if (style.asText) return formatMoney(amount, w.rng.pick(['kr', 'suffix-kr', 'dots', 'nbsp'] as const));
  return [amount, { numFmt: style.numFmt }];
}

function pickSheetNumberStyle(w: Writer): SheetNumberStyle {
  return {
    asText: w.rng.chance(0.15),
    numFmt: w.rng.pick(['#,##0', '# ##0', '#,##0 "kr"', '"kr" #,##0', '0', '#,##0.00']),
  };
}

/**
 * A budget or spending table in a sheet: header row, one row per line, a total row with a SUM
 * formula (cached result) when the written total matches, else a typed-in number.
 * Returns the row of the grant/spent column total, if any.
 */
function sheetBudget(w: Writer, b: SheetBuilder, report: boolean, ns: SheetNumberStyle): number | null {
  const p = w.plan;
  const other = p.budgetOtherColumn;
  const headers = report
    ? other === 'planned'
      ? ['Post', 'Budsjett', 'Regnskap']
      : [w.rng.pick(['Post', 'Utgiftspost', 'Kostnadsart']), w.rng.pick(['Regnskap', 'Forbrukt', 'Brukt'])]
    : other === 'own'
      ? [
          w.rng.pick(['Kostnadspost', 'Post', 'Utgift']),
          w.rng.pick(['Søkt tilskudd', 'Fra tilskudd', 'Omsøkt']),
          w.rng.pick(['Egenfinansiering', 'Kommunal egenandel', 'Egne midler']),
          'Sum',
        ]
      : [w.rng.pick(['Kostnadspost', 'Post', 'Budsjettpost']), w.rng.pick(['Beløp', 'Søkt beløp', 'Kr'])];
  b.add(...headers.map(bold));
  const first = b.rows.length + 1;
  for (const l of p.budget) {
    const r = b.rows.length + 1;
    if (report && other === 'planned')
      b.add(l.label, sheetNumber(w, ns, l.other ?? 0), sheetNumber(w, ns, l.amount));
    else if (other === 'own') {
      b.add(l.label, sheetNumber(w, ns, l.amount), sheetNumber(w, ns, l.other ?? 0), [
        { formula: `B${r}+C${r}`, result: l.amount + (l.other ?? 0) },
        { numFmt: ns.numFmt },
      ]);
    } else b.add(l.label, sheetNumber(w, ns, l.amount));
  }
  const last = b.rows.length;
  if (p.budgetStatedTotal === null) return null;
  const lineSum = p.budget.reduce((s, l) => s + l.amount, 0);
  const otherSum = p.budget.reduce((s, l) => s + (l.other ?? 0), 0);
  const total = (c: number, value: number, sum: number): [CellValue, CellStyle] =>
    value === sum && !ns.asText
      ? [
          { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result: value },
          { bold: true, numFmt: ns.numFmt },
        ]
      : [ns.asText ? formatMoney(value, 'kr') : value, { bold: true, numFmt: ns.numFmt }];
  const label = bold(
    w.rng.pick(report ? ['Sum', 'Sum forbruk', 'Totalt'] : ['Sum', 'Totalt', 'Sum søknadsbeløp']),
  );
  const cells: (CellValue | [CellValue, CellStyle])[] = [label];
  if (report && other === 'planned')
    cells.push(total(1, otherSum, otherSum), total(2, p.budgetStatedTotal, lineSum));
  else if (other === 'own') {
    cells.push(total(1, p.budgetStatedTotal, lineSum), total(2, otherSum, otherSum), [
      { formula: `B${last + 1}+C${last + 1}`, result: p.budgetStatedTotal + otherSum },
      { bold: true, numFmt: ns.numFmt },
    ]);
  } else cells.push(total(1, p.budgetStatedTotal, lineSum));
  return b.add(...cells);
}

function xlsx(w: Writer, name: string, template: string, sheets: SheetModel[]): XlsxModel {
  return { type: 'xlsx', name, template, created: w.created, sheets };
}

function budgetWorkbook(w: Writer, name: string): XlsxModel {
  const p = w.plan;
  const b = new SheetBuilder();
  const ns = pickSheetNumberStyle(w);
  b.add(bold(p.yearWritten ? `Budsjett ${p.year}` : 'Budsjett for tiltaket'));
  b.add(p.applicant.name);
  if (w.rng.chance(0.5) && p.scheme) b.add(w.rng.pick(['Tilskuddsordning:', 'Ordning:']), w.schemeName);
  b.blank();
  sheetBudget(w, b, false, ns);
  if (w.rng.chance(0.4)) {
    b.blank();
    b.add(
      'Merknad:',
      w.rng.pick([
        'Lønnsmidler inkluderer sosiale kostnader.',
        'Tallene er avrundet til hele tusen.',
        'Egenfinansiering dekkes over kommunens driftsbudsjett.',
      ]),
    );
  }
  const sheets: SheetModel[] = [
    {
      name: w.rng.pick(['Budsjett', 'Ark1', 'Sheet1', 'Budsjett søknad']),
      rows: b.rows,
      widths: [34, 16, 18, 14],
    },
  ];
  if (w.rng.chance(0.3)) {
    sheets.push({
      name: 'Veiledning',
      rows: compact([
        [bold('Slik fyller du ut budsjettet')],
        ['Fyll inn kostnader som skal dekkes av tilskuddet, og egenfinansiering i egen kolonne.'],
        w.capNoise() ? [w.capNoise() as string] : null,
        ['Kommunenummer og organisasjonsnummer oppgis i søknadsskjemaet.'],
      ]),
      widths: [90],
    });
  }
  return xlsx(w, name, 'budget-xlsx', sheets);
}

function applicationWorkbook(w: Writer, name: string, budgetPlace: BudgetPlace): XlsxModel {
  const p = w.plan;
  const ns = pickSheetNumberStyle(w);
  const b = new SheetBuilder();
  const { title, subtitle } = titleOfApplication(w);
  b.add(bold(title));
  if (subtitle) b.add(subtitle);
  b.blank();
  b.add(bold('Søker'));
  for (const [k, v] of w.applicantRows()) b.add(k, v);
  b.blank();
  b.add(bold('Tiltaket'));
  for (const [k, v] of compact<Row>([w.schemeRow(), w.priorityRow(), w.grantYearRow(), w.partnersRow()]))
    b.add(k, v);
  if (p.yearWritten) b.add(w.label('yearApplication'), w.rng.chance(0.6) ? p.year : String(p.year));
  if (p.positions !== null) {
    const label = w.label('positions');
    const asNumber = /årsverk|antall stillinger/i.test(label) && w.rng.chance(0.6);
    const asPercent = /prosent/i.test(label) && w.rng.chance(0.5);
    b.add(
      label,
      asNumber
        ? p.positions
        : asPercent
          ? [p.positions, { numFmt: '0%' }]
          : formatPositionsValue(w.rng, p.positions, label),
    );
  }
  b.blank();
  let totalRow: number | null = null;
  if (budgetPlace === 'main' || budgetPlace === 'both') {
    b.add(bold('Budsjett'));
    totalRow = sheetBudget(w, b, false, ns);
    b.blank();
  }
  if (p.requested !== null) {
    const label = w.label('requested');
    const linked =
      totalRow !== null && p.budgetStatedTotal === p.requested && !ns.asText && w.rng.chance(0.6);
    b.add(
      bold(label),
      linked
        ? [{ formula: `B${totalRow}`, result: p.requested }, { numFmt: ns.numFmt }]
        : sheetNumber(w, ns, p.requested),
    );
  }
  if (p.ownFunding !== null) b.add(w.label('ownFunding'), sheetNumber(w, ns, p.ownFunding));
  b.blank();
  if (p.submittedDate) {
    const asDate = w.rng.chance(0.5);
    b.add(
      w.label('date'),
      asDate ? [new Date(`${p.submittedDate}T12:00:00Z`), { numFmt: 'dd.mm.yyyy' }] : w.date(p.submittedDate),
    );
  }
  b.add('Underskrift', `${w.signer.name}, ${w.signer.title}`);
  return xlsx(w, name, 'app-xlsx', [
    { name: w.rng.pick(['Søknad', 'Søknadsskjema', 'Skjema']), rows: b.rows, widths: [36, 44, 18, 14] },
  ]);
}

/** Økonomirapport / egenerklæring: the financial report of a report submission. */
function financialWorkbook(w: Writer, name: string, standalone: boolean): XlsxModel {
  const p = w.plan;
  const ns = pickSheetNumberStyle(w);
  const b = new SheetBuilder();
  const heading = w.rng.pick([
    'Økonomirapport',
    'Egenerklæring – økonomisk rapport',
    'Regnskapsrapport',
    'Økonomisk rapportering',
  ]);
  b.add(bold(p.yearWritten ? `${heading} ${p.year}` : heading));
  b.blank();
  const header = w.rng.chance(0.3) && !standalone;
  const facts: Row[] = compact<Row>([
    [w.rng.pick(['Tilskuddsmottaker', 'Kommune', 'Søker']), p.applicant.name],
    w.orgRow(),
    w.municipalityNumberRow(),
    standalone || w.rng.chance(0.6) ? w.schemeRow() : null,
    w.yearRow(),
    standalone ? w.priorityRow() : null,
    standalone ? w.grantYearRow() : null,
    standalone ? w.partnersRow() : null,
  ]);
  if (header) {
    // Facts as a header row with the values beneath.
    b.add(...facts.map(([k]) => bold(k)));
    b.add(...facts.map(([, v]) => v));
  } else for (const [k, v] of facts) b.add(k, v);
  if (standalone && p.positions !== null) {
    const label = w.label('positions');
    b.add(label, formatPositionsValue(w.rng, p.positions, label));
  }
  b.blank();
  const grantedRow =
    p.granted !== null ? b.add(bold(w.label('granted')), sheetNumber(w, ns, p.granted)) : null;
  b.blank();
  let totalRow: number | null = null;
  if (p.budget.length > 0) totalRow = sheetBudget(w, b, true, ns);
  const spentCol = p.budgetOtherColumn === 'planned' ? 'C' : 'B';
  if (p.spent !== null && (totalRow === null || p.budgetStatedTotal === null)) {
    b.blank();
    totalRow = b.add(bold(w.label('spent')), sheetNumber(w, ns, p.spent));
  }
  if (p.unusedStated !== null) {
    const label = bold(w.label('unused'));
    const consistent = p.granted !== null && p.spent !== null && p.unusedStated === p.granted - p.spent;
    const spentRef =
      totalRow !== null && p.budgetStatedTotal !== null
        ? `${spentCol}${totalRow}`
        : totalRow
          ? `B${totalRow}`
          : null;
    b.add(
      label,
      consistent && grantedRow && spentRef && !ns.asText && w.rng.chance(0.7)
        ? [{ formula: `B${grantedRow}-${spentRef}`, result: p.unusedStated }, { numFmt: ns.numFmt }]
        : sheetNumber(w, ns, p.unusedStated),
    );
  }
  b.blank();
  b.add(
    w.rng.pick([
      'Vi bekrefter at tilskuddet er benyttet i samsvar med forutsetningene i tilskuddsbrevet.',
      'Egenerklæring: Midlene er brukt til formålet.',
    ]),
  );
  if (p.submittedDate) {
    b.add(
      w.label('date'),
      w.rng.chance(0.4)
        ? [new Date(`${p.submittedDate}T12:00:00Z`), { numFmt: 'dd.mm.yyyy' }]
        : w.date(p.submittedDate),
    );
  }
  b.add(w.rng.pick(['Signatur', 'Underskrift', 'Økonomisjef']), w.signer.name);
  return xlsx(w, name, standalone ? 'report-xlsx-only' : 'fin-xlsx', [
    {
      name: w.rng.pick(['Økonomirapport', 'Regnskap', 'Ark1', 'Egenerklæring']),
      rows: b.rows,
      widths: [38, 40, 18, 14, 14, 14, 14],
    },
  ]);
}

// ---- reports ------------------------------------------------------------------------------

function reportTitle(w: Writer): string {
  const p = w.plan;
  const y = p.yearWritten ? String(p.year) : null;
  return w.rng.pick(
    compact([
      y ? `Rapport for ${y} – ${w.schemeName}` : `Rapport – ${w.schemeName}`,
      y ? `Rapportering på tilskudd ${y}` : 'Rapportering på tilskudd',
      `Rapporteringsskjema – ${w.schemeName}`,
      y ? `Rapport på bruk av tilskuddsmidler i ${y}` : 'Rapport på bruk av tilskuddsmidler',
    ]),
  );
}

function reportForm(w: Writer, spendingInMain: boolean, name: string): PdfModel {
  const p = w.plan;
  const title = reportTitle(w);
  const blocks: Block[] = compact<Block>([
    { t: 'small', text: `${w.county} · Rapporteringsskjema` },
    { t: 'title', text: title },
    title.includes(w.schemeName) ? null : { t: 'subtitle', text: w.schemeName },
    w.heading(w.rng.pick(['Tilskuddsmottaker', 'Opplysninger om tilskuddsmottaker'])),
    { t: 'fields', rows: jiggle(w.rng, w.applicantRows()) },
    w.heading(w.rng.pick(['Tilskuddet', 'Om tilskuddet'])),
    {
      t: 'fields',
      rows: compact<Row>([
        w.rng.chance(0.5) ? w.schemeRow() : null,
        w.yearRow(),
        w.priorityRow(),
        w.grantYearRow(),
        w.positionsRow(),
        w.partnersRow(),
        // A report form that repeats the amount once applied for: not a requestedAmount (reports have none).
        p.granted !== null && w.rng.chance(0.08)
          ? ([
              w.rng.pick(['Søkt beløp', 'Omsøkt beløp']),
              w.money(Math.round((p.granted * 1.25) / 10_000) * 10_000),
            ] as Row)
          : null,
        w.moneyRow('granted', p.granted),
        w.moneyRow('spent', p.spent),
        w.moneyRow('unused', p.unusedStated),
      ]),
    },
    spendingInMain && p.budget.length > 0 ? w.heading('Regnskap') : null,
    spendingInMain && p.budget.length > 0 ? w.budgetTable(true) : null,
    w.heading(w.rng.pick(['Måloppnåelse', 'Resultater og måloppnåelse'])),
    ...paras([
      w.rng.pick([
        'Målene for året er i hovedsak nådd. Tilbudet har hatt jevn pågang, og ventetiden er redusert.',
        'Tiltaket har gitt flere brukere et tilbud nær hjemmet. Rekruttering tok lengre tid enn planlagt.',
      ]),
      w.yearNoise(),
    ]),
    {
      t: 'lines',
      lines: compact([p.submittedDate ? w.placeDate(p.submittedDate) : null, w.signer.name, w.signer.title]),
    },
  ]);
  return w.pdf(name, 'report-form', title, blocks, w.pdfStyle());
}

function reportLetter(w: Writer, spendingInMain: boolean, name: string): PdfModel {
  const p = w.plan;
  const title = reportTitle(w);
  const y = p.yearWritten ? ` for ${p.year}` : '';
  const inYear = p.yearWritten ? ` i ${p.year}` : '';
  const scheme = w.schemeSentenceName();
  const sentences = compact<string>([
    p.granted !== null
      ? w.rng.pick([
          `${p.applicant.name} ble tildelt ${w.money(p.granted)} fra ${scheme}${y}.`,
          `Kommunen mottok et tilskudd på ${w.money(p.granted)} fra ordningen ${scheme}${y}.`,
          `Tildelt beløp${y} var ${w.money(p.granted)} (${scheme}).`,
        ])
      : `Rapporten gjelder tilskudd fra ${scheme}${y}.`,
    p.spent !== null
      ? w.rng.pick([
          `Av tilskuddet er ${w.money(p.spent)} benyttet${inYear}.`,
          `Det er brukt ${w.money(p.spent)} av tilskuddet.`,
          `Forbrukt beløp utgjør ${w.money(p.spent)}.`,
        ])
      : null,
    p.unusedStated !== null
      ? p.unusedStated === 0
        ? 'Det er ingen ubrukte midler.'
        : w.rng.pick([
            `Ubrukte midler på ${w.money(p.unusedStated)} søkes overført til neste år.`,
            `Det gjenstår ${w.money(p.unusedStated)} i ubrukte midler, som vil bli tilbakebetalt.`,
          ])
      : null,
    w.prioritySentence(),
    w.grantYearSentence(),
    p.positions !== null ? `Midlene har finansiert ${formatPositions(w.rng, p.positions)}${inYear}.` : null,
    w.partnersSentence(),
    w.yearNoise(),
    spendingInMain && p.budget.length > 0 && w.rng.chance(0.4) ? w.spendingSentence() : null,
  ]);
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    recipient(w),
    refLines(w),
    { t: 'title', text: title },
    ...paras(sentences),
    spendingInMain && p.budget.length > 0 && !sentences.some((s) => s.startsWith('Fordelt på poster'))
      ? w.budgetTable(true)
      : null,
    { t: 'para', text: w.rng.pick(FILLER) },
    ...background(w),
    { t: 'lines', lines: w.signature() },
    letterFooter(w),
  ]);
  return w.pdf(name, 'report-letter', title, blocks, w.pdfStyle());
}

// ---- attachments --------------------------------------------------------------------------

function cooperationAgreement(w: Writer, name: string): PdfModel {
  const p = w.plan;
  const partyLines = [
    `${p.applicant.name}${p.applicant.orgNumber ? `, org.nr. ${formatOrgNumber(w.rng, p.applicant.orgNumber)}` : ''}`,
    ...p.partners.map(
      (x) => `${x.name}${x.orgNumber ? `, org.nr. ${formatOrgNumber(w.rng, x.orgNumber)}` : ''}`,
    ),
  ];
  // Undated submissions get an undated agreement too: its date must not stand in for the letter date.
  const signed = p.submittedDate ? addDays(p.submittedDate, -w.rng.int(5, 60)) : null;
  const about = p.priority ? w.rng.pick(PRIORITY_TEXT[p.priority] ?? [p.priority]) : 'tiltaket';
  const trust = p.partners.find((x) => x.kind === 'helseforetak');
  const blocks: Block[] = compact<Block>([
    { t: 'title', text: w.rng.pick(['SAMARBEIDSAVTALE', 'Samarbeidsavtale']) },
    {
      t: 'subtitle',
      text: `mellom ${joinList([p.applicant.name, ...p.partners.map((x) => x.name)])}`,
    },
    {
      t: 'para',
      text: `om ${about === 'tiltaket' ? 'samarbeid om tiltaket' : `etablering og drift av ${about}`}`,
    },
    { t: 'heading', text: '1. Parter' },
    { t: 'lines', lines: partyLines },
    { t: 'heading', text: '2. Formål' },
    {
      t: 'para',
      text: `Avtalen skal sikre forpliktende samhandling mellom partene om tjenester til målgruppen, jf. søknad om tilskudd fra ${w.schemeName}.`,
    },
    { t: 'heading', text: '3. Ansvar og oppgaver' },
    {
      t: 'para',
      text: `${p.applicant.name} er hovedsøker og har det økonomiske og administrative ansvaret for tilskuddet.${
        trust ? ` ${trust.name} stiller med spesialisthelsetjenestekompetanse i teamet.` : ''
      }`,
    },
    { t: 'heading', text: '4. Varighet' },
    {
      t: 'para',
      text: signed
        ? `Avtalen gjelder fra ${w.date(signed, 'long')} og så lenge tiltaket mottar tilskudd.`
        : 'Avtalen gjelder fra signering og så lenge tiltaket mottar tilskudd.',
    },
    { t: 'heading', text: '5. Underskrifter' },
    {
      t: 'lines',
      lines: [
        signed ? `${w.place}, ${w.date(signed, 'dotted')}` : 'Sted og dato: ____________',
        `For ${p.applicant.name}: ${w.signer.name}`,
        ...p.partners.map((x) => `For ${x.name}: ${w.rng.pick(FIRST_NAMES)} ${w.rng.pick(LAST_NAMES)}`),
      ],
    },
  ]);
  return w.pdf(name, 'agreement', 'Samarbeidsavtale', blocks, w.pdfStyle('colon'));
}

function coverLetter(w: Writer, name: string): PdfModel {
  const p = w.plan;
  const what = p.kind === 'application' ? 'søknad om tilskudd' : 'rapport for tilskudd';
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    recipient(w),
    refLines(w),
    { t: 'title', text: w.rng.pick([`Oversendelse av ${what}`, 'Følgebrev']) },
    {
      t: 'para',
      text: `Vedlagt følger ${what} fra ${p.applicant.name}, ${w.schemeName}. Dokumentene er sendt elektronisk.`,
    },
    { t: 'para', text: w.contactSentence() },
    { t: 'lines', lines: w.signature() },
  ]);
  return w.pdf(name, 'cover-letter', 'Følgebrev', blocks, w.pdfStyle());
}

// ---- the submission -----------------------------------------------------------------------

function uniqueName(used: Set<string>, name: string): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = name.replace(/(\.[a-z]+)$/, `_${i}$1`);
  used.add(n.toLowerCase());
  return n;
}

export function composeSubmission(rng: Rng, plan: Plan): Composed {
  const w = new Writer(rng, plan);
  const used = new Set<string>();
  const name = (options: string[]): string => uniqueName(used, rng.pick(options));
  const docs: DocModel[] = [];
  const y = plan.yearWritten ? String(plan.year) : '';

  if (plan.kind === 'application') {
    const template = rng.weighted<string>([
      ['form', 3],
      ['grid', 2],
      ['letter', 3],
      ['stacked', 1.5],
      ['letter-facts', 2],
      ['xlsx', 1],
    ]);
    let budgetPlace: BudgetPlace = 'none';
    if (plan.budget.length > 0) {
      budgetPlace =
        template === 'xlsx'
          ? rng.pick(['main', 'main', 'sheet'] as const)
          : rng.weighted<BudgetPlace>([
              ['main', 5],
              ['sheet', 4],
              ['both', 1],
            ]);
    }
    const mainName = name(
      template === 'xlsx'
        ? ['soknad.xlsx', 'søknadsskjema.xlsx', `Søknad ${y}.xlsx`.replace(' .', '.'), 'skjema.xlsx']
        : [
            'soknad.pdf',
            'søknad.pdf',
            `Søknad tilskudd ${y}.pdf`.replace(' .', '.'),
            'søknadsskjema.pdf',
            'dokument.pdf',
            'scan_0001.pdf',
            'Soknad_signert.pdf',
          ],
    );
    const main =
      template === 'form'
        ? applicationFormExport(w, budgetPlace, mainName)
        : template === 'grid'
          ? applicationWordGrid(w, budgetPlace, mainName)
          : template === 'letter'
            ? applicationLetter(w, budgetPlace, mainName)
            : template === 'stacked'
              ? applicationStacked(w, budgetPlace, mainName)
              : template === 'letter-facts'
                ? applicationLetterWithFacts(w, budgetPlace, mainName)
                : applicationWorkbook(w, mainName, budgetPlace);
    docs.push(main);
    if (budgetPlace === 'sheet' || budgetPlace === 'both') {
      const misleading = rng.chance(0.04);
      docs.push(
        budgetWorkbook(
          w,
          name(
            misleading
              ? ['budsjett.xls']
              : [
                  'budsjett.xlsx',
                  `Budsjett ${y}.xlsx`.replace(' .', '.'),
                  'vedlegg 1 budsjett.xlsx',
                  'vedlegg_2.xlsx',
                ],
          ),
        ),
      );
    }
  } else {
    const template = rng.weighted<string>([
      ['form', 3],
      ['letter', 2],
      ['xlsx-only', 1.5],
      ['form+xlsx', 2],
      ['letter+xlsx', 1.5],
    ]);
    if (template === 'xlsx-only') {
      docs.push(
        financialWorkbook(
          w,
          name([
            'økonomirapport.xlsx',
            'egenerklæring.xlsx',
            `Rapport ${y}.xlsx`.replace(' .', '.'),
            'regnskap.xlsx',
          ]),
          true,
        ),
      );
    } else {
      const withSheet = template.endsWith('+xlsx');
      const spendingInMain = !withSheet || rng.chance(0.2);
      const mainName = name([
        'rapport.pdf',
        'rapporteringsskjema.pdf',
        `Rapport ${y}.pdf`.replace(' .', '.'),
        'sluttrapport.pdf',
        'dokument.pdf',
      ]);
      docs.push(
        template.startsWith('form')
          ? reportForm(w, spendingInMain, mainName)
          : reportLetter(w, spendingInMain, mainName),
      );
      if (withSheet)
        docs.push(
          financialWorkbook(
            w,
            name(['økonomirapport.xlsx', 'egenerklæring.xlsx', 'regnskap.xlsx', 'vedlegg.xlsx']),
            false,
          ),
        );
    }
  }
  if (plan.agreement)
    docs.push(
      cooperationAgreement(
        w,
        name(['samarbeidsavtale.pdf', 'Samarbeidsavtale signert.pdf', 'vedlegg.pdf', 'avtale.pdf']),
      ),
    );
  if (rng.chance(0.12)) docs.push(coverLetter(w, name(['følgebrev.pdf', 'oversendelse.pdf', 'brev.pdf'])));

  // Every written value must be in some document; a report's facts go in the main document already.
  return { docs, templates: docs.map((d) => d.template) };
}
