import { addDays, bankAccount, formatDate, formatOrgNumber, phoneNumber, type DateStyle } from './formats.ts';
import {
  columnNumber,
  emailSent,
  grantYearField,
  grantYearSentence,
  headcountNoise,
  moneyI,
  periodText,
  pickDateStyleI,
  positionsText,
  positionsValue,
  type ColumnStyle,
} from './formats-independent.ts';
import type { Language, Plan, PlannedLine, PlannedPartner } from './plan.ts';
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
  BACKGROUND_I,
  BUDGET_DESCRIPTIONS_I,
  DEPARTMENTS_I,
  FILLER_I,
  FIRST_NAMES_I,
  I_HEADINGS,
  I_LABELS,
  LAST_NAMES_I,
  PRIORITY_TEXT_I,
  RESULTS_I,
  ROLES_I,
  SCHEME_NAMES_I,
  SCHEME_OWNER_I,
  SIGNER_TITLES_I,
  TARGET_GROUPS_I,
  countyOfficeI,
  type CountyOffice,
  type LabelKey,
  type Words,
} from './vocabulary-independent.ts';

/**
 * Turns a plan into the documents of the INDEPENDENT set: its own wording (bokmål or nynorsk,
 * vocabulary-independent.ts) and its own layouts, beside those of the known set:
 *
 *  - portal exports with "Innsendt: 20. februar 2025" beside the title and numbered questions
 *  - two-row forms: boxes with the label on top and the value beneath, several to a row
 *  - titles that wrap, or break, over two lines
 *  - letters with a reference row ("Vår dato | Dykkar dato | Vår ref."), "Stad og dato:" lines,
 *    grant periods ("Tiltaksperiode: 01.01.2025–31.12.2025"), council decision dates
 *  - budget tables with a free-text description column between category and amount, tables
 *    in thousands of kroner, report tables with budget, accounts "per 31.12" and deviation
 *  - e-mails (Fra/Sendt/Til/Emne) as cover for the attached application, or as the application
 *  - spreadsheets with hint columns, question/answer columns, cross-sheet formulas
 *
 * Every value the plan says is written appears in some document (checked at the end), every
 * value it says is missing appears in none, and every date that could pass for the letter
 * date is the letter date.
 */

export interface ComposedI {
  docs: DocModel[];
  templates: string[];
}

type Row = [string, string];

type Mark =
  | 'applicant'
  | 'orgNumber'
  | 'municipalityNumber'
  | 'scheme'
  | 'year'
  | 'priority'
  | 'grantYear'
  | 'positions'
  | 'requested'
  | 'granted'
  | 'spent'
  | 'unused'
  | 'partners'
  | 'budget'
  | 'budgetTotal'
  | 'date';

interface Person {
  name: string;
  title: string;
  phone: string;
  email: string;
}

const compact = <T>(xs: (T | null | undefined | false)[]): T[] =>
  xs.filter((x): x is T => x !== null && x !== undefined && x !== false);

const lowerFirst = (s: string): string =>
  /^[A-ZÆØÅ][a-zæøå]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

const joinList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

class W {
  readonly L: Language;
  readonly nn: boolean;
  readonly municipal: boolean;
  readonly written = new Set<Mark>();
  readonly schemeName: string;
  readonly place: string;
  readonly domain: string;
  readonly contact: Person;
  readonly signer: Person;
  readonly account: string;
  readonly address: string[];
  readonly ref: string;
  readonly department: string;
  readonly office: CountyOffice;
  readonly dateStyle: DateStyle;
  readonly created: string;
  readonly headingStyle: 'dot' | 'plain' | 'none' | 'del';
  private headingCount = 0;

  constructor(
    readonly rng: Rng,
    readonly plan: Plan,
  ) {
    this.L = plan.language;
    this.nn = plan.language === 'nn';
    const m = plan.applicant.municipality;
    this.municipal = m !== null;
    this.schemeName = plan.scheme ? this.pick(SCHEME_NAMES_I[plan.scheme]) : (plan.otherGrant ?? '');
    this.place =
      m?.plainName ??
      rng.pick(this.nn ? ['Førde', 'Voss', 'Ørsta', 'Stord'] : ['Hamar', 'Arendal', 'Gjøvik']);
    this.domain = m ? `${slug(m.plainName)}.kommune.no` : `${slug(plan.applicant.name).slice(0, 14)}.no`;
    const schemeWords = (s: string): boolean => /rus|psykisk/i.test(s);
    const person = (titles: readonly string[]): Person => {
      const first = rng.pick(FIRST_NAMES_I);
      const last = rng.pick(LAST_NAMES_I);
      return {
        name: `${first} ${last}`,
        title: rng.pick(titles),
        phone: phoneNumber(rng),
        email: `${slug(first)}.${slug(last)}@${this.domain}`,
      };
    };
    // Documents about other grants name no scheme, not even through a title or department.
    this.contact = person(ROLES_I[this.L].filter((r) => plan.scheme !== null || !schemeWords(r)));
    this.signer = person(
      m ? SIGNER_TITLES_I[this.L] : this.nn ? ['dagleg leiar', 'styreleiar'] : ['daglig leder', 'styreleder'],
    );
    this.account = bankAccount(rng);
    const postcode = String(rng.int(1000, 9990)).padStart(4, '0');
    this.address = rng.pick([
      [`Postboks ${rng.int(1, 900)}`, `${postcode} ${this.place.toUpperCase()}`],
      [
        `${rng.pick(this.nn ? ['Rådhusvegen', 'Kyrkjevegen', 'Storgata', 'Torget'] : ['Rådhusveien', 'Kirkegata', 'Storgata'])} ${rng.int(1, 40)}`,
        `${postcode} ${this.place}`,
      ],
    ]);
    this.ref = `${String(plan.folderYear).slice(2)}/${rng.int(100, 4999)}-${rng.int(1, 9)}`;
    this.department = rng.pick(DEPARTMENTS_I[this.L].filter((d) => plan.scheme !== null || !schemeWords(d)));
    this.office = countyOfficeI(
      m ? m.number.slice(0, 2) : rng.pick(['46', '15', '34', '42']),
      plan.folderYear,
      this.L,
    );
    this.dateStyle = pickDateStyleI(rng);
    this.headingStyle = rng.pick(['dot', 'plain', 'none', 'del'] as const);
    this.created = `${plan.submittedDate ?? `${plan.folderYear}-01-15`}T09:30:00Z`;
  }

  t(nb: string, nn: string): string {
    return this.nn ? nn : nb;
  }

  pick(words: Words): string {
    return this.rng.pick(words[this.L]);
  }

  mark(...m: Mark[]): void {
    for (const x of m) this.written.add(x);
  }

  /** The scheme year as written, or null when the documents must not show it. */
  get y(): string | null {
    return this.plan.yearWritten ? String(this.plan.year) : null;
  }

  fill(s: string): string {
    const y = this.plan.year;
    const period = this.plan.scheme === 'nav-sosiale-tjenester' ? 3 : 4;
    return s
      .replace(/\{Y0\}/g, String(y - 1))
      .replace(/\{Y1\}/g, String(y + 1))
      .replace(/\{Y\}/g, String(y))
      .replace(/\{P\}/g, String(period));
  }

  /** A label; one that carries the year only where the year is written (it would state it). */
  label(key: LabelKey): string {
    const all = I_LABELS[key][this.L];
    const options = this.plan.yearWritten ? all : all.filter((l) => !/\{Y/.test(l));
    return this.fill(this.rng.pick(options));
  }

  money(amount: number, allowMillions = true): string {
    return moneyI(this.rng, amount, this.L, allowMillions);
  }

  date(iso: string, style: DateStyle = this.dateStyle): string {
    return formatDate(iso, style);
  }

  /** "Førde, 3. mars 2025" or "Førde 03.03.2025". */
  placeDate(iso: string): string {
    return this.rng.chance(0.7)
      ? `${this.place}, ${this.date(iso, this.rng.pick(['long', 'dotted'] as const))}`
      : `${this.place} ${this.date(iso, 'dotted')}`;
  }

  heading(text: string): Block {
    this.headingCount++;
    const n = this.headingCount;
    const prefix =
      this.headingStyle === 'dot'
        ? `${n}. `
        : this.headingStyle === 'plain'
          ? `${n} `
          : this.headingStyle === 'del'
            ? `${this.t('Del', 'Del')} ${String.fromCharCode(64 + n)} – `
            : '';
    return { t: 'heading', text: `${prefix}${text}` };
  }

  // ---- rows ----------------------------------------------------------------------------------

  applicantRow(): Row {
    this.mark('applicant');
    const label = this.label('applicant');
    const m = this.plan.applicant.municipality;
    const name = this.plan.applicant.name;
    if (m && /kommune/i.test(label) && this.rng.chance(0.5)) return [label, m.plainName];
    if (m && this.rng.chance(0.2)) {
      return [
        label,
        this.rng.pick([
          `${name} v/ ${this.department.toLowerCase()}`,
          `${name}, ${this.department.toLowerCase()}`,
        ]),
      ];
    }
    return [label, name];
  }

  orgRow(): Row | null {
    const n = this.plan.applicant.orgNumber;
    if (n === null) return this.rng.chance(0.4) ? [this.label('orgNumber'), ''] : null;
    this.mark('orgNumber');
    return [this.label('orgNumber'), formatOrgNumber(this.rng, n)];
  }

  municipalityNumberRow(): Row | null {
    const m = this.plan.applicant.municipality;
    if (!m || !this.plan.applicant.writeMunicipalityNumber) return null;
    this.mark('municipalityNumber');
    return [this.label('municipalityNumber'), m.number];
  }

  schemeRow(): Row {
    this.mark('scheme');
    return [this.label(this.plan.kind === 'report' ? 'schemeReport' : 'scheme'), this.schemeName];
  }

  yearRow(): Row | null {
    if (!this.plan.yearWritten) return null;
    this.mark('year');
    return [
      this.label(this.plan.kind === 'application' ? 'yearApplication' : 'yearReport'),
      String(this.plan.year),
    ];
  }

  /** "Tiltaksperiode: 01.01.2025–31.12.2025" (TryggEst money may be used over two years). */
  periodRow(): Row | null {
    if (!this.plan.yearWritten) return null;
    const y = this.plan.year;
    const [from, to] =
      this.plan.scheme === 'tryggest' && this.plan.kind === 'application'
        ? [`${y}-04-01`, `${y + 2}-03-31`]
        : [`${y}-01-01`, `${y}-12-31`];
    return [this.label('period'), periodText(this.rng, from, to)];
  }

  priorityText(): string {
    const p = this.plan.priority as string;
    return this.pick(PRIORITY_TEXT_I[p] ?? { nb: [p], nn: [p] });
  }

  priorityRow(): Row | null {
    if (!this.plan.priority) return null;
    this.mark('priority');
    return [this.label('priority'), this.priorityText()];
  }

  grantYearRow(): Row | null {
    const g = this.plan.grantYear;
    if (g === null) return null;
    this.mark('grantYear');
    const period = this.plan.scheme === 'nav-sosiale-tjenester' ? 3 : 4;
    const label = this.label('grantYear');
    // A label that already asks for the number gets the bare number (or "Forprosjekt").
    const value = /\(1–\d\)/.test(label) && g > 0 ? String(g) : grantYearField(this.rng, g, this.L, period);
    return [label, value];
  }

  positionsRow(): Row | null {
    const p = this.plan.positions;
    if (p === null) return null;
    this.mark('positions');
    const label = this.label(this.plan.kind === 'report' ? 'positionsReport' : 'positions');
    let value = positionsValue(this.rng, p, label, this.L);
    if (/[a-zæøå]/i.test(value) && this.rng.chance(0.25)) value += headcountNoise(this.rng, p, this.L) ?? '';
    return [label, value];
  }

  moneyRow(kind: 'requested' | 'granted' | 'spent' | 'unused', amount: number | null): Row | null {
    if (amount === null) return null;
    this.mark(kind);
    return [this.label(kind), this.money(amount)];
  }

  partnerText(p: PlannedPartner): string {
    return p.orgNumber ? `${p.name} (org.nr. ${formatOrgNumber(this.rng, p.orgNumber)})` : p.name;
  }

  partnersRow(): Row | null {
    if (this.plan.partners.length === 0 || !this.plan.partnersInMain) return null;
    this.mark('partners');
    const names = this.plan.partners.map((p) => this.partnerText(p));
    return [this.label('partners'), this.rng.chance(0.5) ? names.join(', ') : joinList(names)];
  }

  dateRow(): Row | null {
    const d = this.plan.submittedDate;
    if (!d) return null;
    this.mark('date');
    const label = this.label('date');
    return [label, /^(Sted|Stad)/.test(label) ? this.placeDate(d) : this.date(d)];
  }

  previousGrantRow(): Row | null {
    const g = this.plan.previousGrant;
    if (g === null || this.plan.kind !== 'application') return null;
    return [this.label('previousGrant'), this.money(g)];
  }

  contactRows(): Row[] {
    const rows: Row[] = [[this.label('contact'), `${this.contact.name}, ${this.contact.title}`]];
    if (this.rng.chance(0.8)) rows.push([this.label('phone'), this.contact.phone]);
    if (this.rng.chance(0.6)) rows.push([this.label('email'), this.contact.email]);
    return rows;
  }

  applicantRows(): Row[] {
    const rows: (Row | null)[] = [this.applicantRow(), this.orgRow(), this.municipalityNumberRow()];
    if (this.rng.chance(0.6)) rows.push([this.label('address'), this.address.join(', ')]);
    rows.push(...this.contactRows());
    if (this.rng.chance(0.5)) rows.push([this.label('account'), this.account]);
    return compact(rows);
  }

  /** Requested amount, own funding, total including own funding, last year's grant. */
  economyRows(): Row[] {
    const p = this.plan;
    return compact<Row>([
      this.moneyRow('requested', p.requested),
      p.ownFunding !== null ? [this.label('ownFunding'), this.money(p.ownFunding)] : null,
      p.ownFunding !== null && p.requested !== null && this.rng.chance(0.4)
        ? [this.label('totalCost'), this.money(p.ownFunding + p.requested)]
        : null,
      this.rng.chance(0.5) ? this.previousGrantRow() : null,
    ]);
  }

  // ---- sentences -----------------------------------------------------------------------------

  get who(): string {
    return this.plan.applicant.name;
  }

  schemeInText(): string {
    this.mark('scheme');
    return this.plan.scheme ? `«${this.schemeName}»` : this.schemeName;
  }

  forYear(): string {
    if (!this.plan.yearWritten) return '';
    this.mark('year');
    return ` for ${this.plan.year}`;
  }

  applicationOpening(): string {
    const p = this.plan;
    const s = this.schemeInText();
    const fy = this.forYear();
    if (p.requested === null) {
      return this.t(
        `${this.who} søker med dette om tilskudd fra ${s}${fy}. Budsjettet ettersendes.`,
        `${this.who} søkjer med dette om tilskot frå ${s}${fy}. Budsjettet vert ettersendt.`,
      );
    }
    this.mark('requested');
    const m = this.money(p.requested);
    return this.rng.pick(
      this.nn
        ? [
            `${this.who} søkjer med dette om ${m} i tilskot frå ordninga ${s}${fy}.`,
            `Vi viser til utlysinga frå ${this.office.name} og søkjer om ${m} frå ${s}${fy}.`,
            `${this.who} ønskjer å vidareføre arbeidet og søkjer om eit tilskot på ${m}${fy}. Søknaden gjeld ${s}.`,
            `Det vert med dette søkt om ${m} frå ${s}${fy}.`,
          ]
        : [
            `${this.who} søker med dette om ${m} i tilskudd fra ordningen ${s}${fy}.`,
            `Vi viser til utlysningen fra ${this.office.name} og søker om ${m} fra ${s}${fy}.`,
            `${this.who} ønsker å videreføre arbeidet og søker om et tilskudd på ${m}${fy}. Søknaden gjelder ${s}.`,
            `Det søkes herved om ${m} fra ${s}${fy}.`,
          ],
    );
  }

  positionsSentence(): string | null {
    const p = this.plan.positions;
    if (p === null) return null;
    this.mark('positions');
    const text = positionsText(this.rng, p, this.L);
    const split = this.rng.chance(0.3) ? (headcountNoise(this.rng, p, this.L) ?? '') : '';
    if (this.plan.kind === 'report') {
      const inY = this.plan.yearWritten ? ` i ${this.plan.year}` : '';
      return this.t(
        `Tilskuddet har finansiert ${text}${inY}${split}.`,
        `Tilskotet har finansiert ${text}${inY}${split}.`,
      );
    }
    return this.rng.pick(
      this.nn
        ? [
            `Tilskotet skal dekkje ${text}.`,
            `Teamet vil bestå av ${text}${split}.`,
            `Det vert søkt om midlar til ${text}.`,
          ]
        : [
            `Tilskuddet skal dekke ${text}.`,
            `Teamet vil bestå av ${text}${split}.`,
            `Det søkes om midler til ${text}.`,
          ],
    );
  }

  prioritySentence(): string | null {
    if (!this.plan.priority) return null;
    this.mark('priority');
    const text = this.priorityText();
    if (this.plan.kind === 'report')
      return this.t(`Tilskuddet er brukt til ${text}.`, `Tilskotet er nytta til ${text}.`);
    return this.rng.pick(
      this.nn
        ? [
            `Søknaden gjeld ${text}.`,
            `Tiltaket høyrer inn under det prioriterte området ${text}.`,
            `Vi søkjer om midlar til ${text}.`,
          ]
        : [
            `Søknaden gjelder ${text}.`,
            `Tiltaket hører inn under ordningens prioriterte område: ${text}.`,
            `Vi søker om midler til ${text}.`,
          ],
    );
  }

  grantYearSentenceText(): string | null {
    const g = this.plan.grantYear;
    if (g === null) return null;
    this.mark('grantYear');
    const text = grantYearSentence(this.rng, g, this.L);
    if (this.plan.kind === 'report') {
      return g === 0
        ? this.t(`Tilskuddet gikk til ${text}.`, `Tilskotet gjekk til ${text}.`)
        : this.t(`Rapporten gjelder ${text}.`, `Rapporten gjeld ${text}.`);
    }
    if (g === 0) {
      return this.t(
        `Kommunen søker om midler til ${text} for å planlegge tiltaket.`,
        `Kommunen søkjer om midlar til ${text} for å planleggje tiltaket.`,
      );
    }
    return this.rng.pick(
      this.nn
        ? [`Dette er søknad for ${text}.`, `Tiltaket går no inn i ${text}.`]
        : [`Dette er søknad for ${text}.`, `Tiltaket går nå inn i ${text}.`],
    );
  }

  partnersSentence(): string | null {
    const p = this.plan.partners;
    if (p.length === 0 || !this.plan.partnersInMain) return null;
    this.mark('partners');
    const names = joinList(p.map((x) => this.partnerText(x)));
    if (this.plan.kind === 'report') return `Tiltaket er gjennomført i samarbeid med ${names}.`;
    const trust = p.some((x) => x.kind === 'helseforetak');
    const agreement = this.plan.agreement
      ? this.t(' Samarbeidsavtale er vedlagt.', ' Samarbeidsavtale ligg ved.')
      : trust
        ? this.rng.pick([this.t(' Samarbeidsavtalen ettersendes.', ' Samarbeidsavtalen vert ettersend.'), ''])
        : '';
    return (
      this.rng.pick(
        this.nn
          ? [
              `Tiltaket vert utvikla i samarbeid med ${names}.`,
              `Søknaden er skriven i fellesskap med ${names}.`,
              `Samarbeidspartnarar er ${names}.`,
            ]
          : [
              `Tiltaket utvikles i samarbeid med ${names}.`,
              `Søknaden er skrevet i fellesskap med ${names}.`,
              `Samarbeidspartnere er ${names}.`,
            ],
      ) + agreement
    );
  }

  ownFundingSentence(): string | null {
    const o = this.plan.ownFunding;
    if (o === null) return null;
    const pct = this.plan.requested
      ? Math.round((o / (o + this.plan.requested)) * 100)
      : this.rng.int(15, 40);
    return this.rng.pick(
      this.nn
        ? [
            `Kommunen bidreg sjølv med ${this.money(o)} (${pct} %).`,
            `Eigendelen er ${this.money(o)}, som er ${pct} % av totalkostnaden.`,
            `Eigenfinansieringa utgjer ${pct} prosent.`,
          ]
        : [
            `Kommunen bidrar selv med ${this.money(o)} (${pct} %).`,
            `Egenandelen er ${this.money(o)}, som er ${pct} % av totalkostnaden.`,
            `Egenfinansieringen utgjør ${pct} prosent.`,
          ],
    );
  }

  /** Last year's grant, in the past tense ("Kommunen fekk kr 850 000 i tilskot frå ordninga i 2024"). */
  previousGrantSentence(): string | null {
    const g = this.plan.previousGrant;
    if (g === null) return null;
    const when = this.plan.yearWritten ? ` i ${this.plan.year - 1}` : this.t(' i fjor', ' i fjor');
    return this.rng.pick(
      this.nn
        ? [
            `Kommunen fekk ${this.money(g)} i tilskot frå ordninga${when}.`,
            `${when.trim().replace(/^i/, 'I')} vart det løyvd ${this.money(g)} til tiltaket.`,
          ]
        : [
            `Kommunen fikk ${this.money(g)} i tilskudd fra ordningen${when}.`,
            `${when.trim().replace(/^i/, 'I')} ble det bevilget ${this.money(g)} til tiltaket.`,
          ],
    );
  }

  /** Other years in the past tense or as plan periods; never the scheme year itself as a fact. */
  yearNoise(): string | null {
    const y = this.plan.year;
    const k = this.rng.int(2, 5);
    const plan = this.plan.scheme
      ? this.t('ruspolitiske handlingsplan', 'ruspolitiske handlingsplan')
      : this.t('helse- og omsorgsplan', 'helse- og omsorgsplan');
    const options = this.nn
      ? [
          `Tiltaket vart etablert i ${y - k} og har sidan vore utvida.`,
          `Kommunen sin ${plan} ${y - k}–${y + this.rng.int(1, 3)} legg føringar for arbeidet.`,
          `Brukarundersøkinga frå ${y - k} viste behov for eit betre tilbod.`,
          `Kommunen har om lag ${columnNumber(this.rng.int(1500, 40_000), 'space')} innbyggjarar.`,
        ]
      : [
          `Tiltaket ble etablert i ${y - k} og har senere blitt utvidet.`,
          `Kommunens ${plan} ${y - k}–${y + this.rng.int(1, 3)} legger føringer for arbeidet.`,
          `Brukerundersøkelsen fra ${y - k} viste behov for et bedre tilbud.`,
          `Kommunen har om lag ${columnNumber(this.rng.int(1500, 40_000), 'space')} innbyggere.`,
        ];
    if (this.plan.scheme === 'kommunalt-rusarbeid-overgang' && this.plan.kind === 'application') {
      options.push(
        this.t(
          'Kommunen fikk tilskudd i 2021 og søker nå om videreføring av stillingene.',
          'Kommunen fekk tilskot i 2021 og søkjer no om vidareføring av stillingane.',
        ),
      );
    }
    return this.rng.chance(0.8) ? this.rng.pick(options) : null;
  }

  /** A council decision with its own date (dated documents only: it must not stand in for the letter date). */
  decisionNoise(): string | null {
    const d = this.plan.submittedDate;
    if (!d || !this.rng.chance(0.3)) return null;
    const when = this.date(addDays(d, -this.rng.int(10, 60)), this.rng.pick(['long', 'dotted'] as const));
    const sak = `${this.rng.int(5, 120)}/${d.slice(2, 4)}`;
    return this.t(
      `Saken ble behandlet i kommunestyret ${when} (sak ${sak}).`,
      `Saka vart handsama i kommunestyret ${when} (sak ${sak}).`,
    );
  }

  capNoise(): string | null {
    switch (this.plan.scheme) {
      case 'tryggest':
        return this.t(
          'Hver kommune kan maksimalt søke om kroner 400 000,-.',
          'Kvar kommune kan maksimalt søkje om kroner 400 000,-.',
        );
      case 'barn-unge-langvarig-sammensatt':
        return this.plan.priority === 'FACT-ung'
          ? this.t(
              'Regelverket gir inntil kr 500 000 per 100 % stilling de to første årene.',
              'Regelverket gjev inntil kr 500 000 per 100 % stilling dei to første åra.',
            )
          : this.t(
              'Det kan gis inntil 2,5 mill. kroner per år til lavterskeltilbud.',
              'Det kan gjevast inntil 2,5 mill. kroner per år til lågterskeltilbod.',
            );
      case 'voksne-langvarig-sammensatt':
        return this.t(
          'Forprosjekt kan få inntil kr 600 000 for ett år.',
          'Forprosjekt kan få inntil kr 600 000 for eitt år.',
        );
      case 'kommunalt-rusarbeid-overgang':
        return this.t(
          'Tilskuddet beregnes med kr 330 000 per stilling.',
          'Tilskotet vert rekna ut med kr 330 000 per stilling.',
        );
      case 'nav-sosiale-tjenester':
        return this.t(
          'Det gis inntil 610 000 kroner per 100 % stilling.',
          'Det vert gjeve inntil 610 000 kroner per 100 % stilling.',
        );
      default:
        return null;
    }
  }

  contactSentence(): string {
    return this.rng.pick([
      `Kontaktperson er ${this.contact.name}, ${this.contact.title}, tlf. ${this.contact.phone}, e-post ${this.contact.email}.`,
      this.t(
        `Spørsmål om søknaden kan rettes til ${this.contact.name} på ${this.contact.phone}.`,
        `Spørsmål om søknaden kan rettast til ${this.contact.name} på ${this.contact.phone}.`,
      ),
    ]);
  }

  signature(): string[] {
    const lines = [
      this.pick({
        nb: ['Med vennlig hilsen', 'Vennlig hilsen', 'Med hilsen'],
        nn: ['Med helsing', 'Med venleg helsing', 'Venleg helsing'],
      }),
      '',
      this.signer.name,
      this.signer.title,
    ];
    if (this.rng.chance(0.3))
      lines.push(
        '',
        this.t(
          'Dokumentet er elektronisk godkjent og har ingen signatur.',
          'Dokumentet er elektronisk godkjent og har difor inga underskrift.',
        ),
      );
    return lines;
  }

  /** "Stad og dato: Førde, 20.01.2025" under a form or letter. */
  placeDateLine(): string | null {
    const d = this.plan.submittedDate;
    if (!d) return null;
    this.mark('date');
    return this.rng.chance(0.6)
      ? `${this.t('Sted og dato', 'Stad og dato')}: ${this.placeDate(d)}`
      : this.placeDate(d);
  }

  // ---- budget ----------------------------------------------------------------------------------

  private hasSumDefect(): boolean {
    return this.plan.defects.some((d) => d.startsWith('sum-'));
  }

  budgetTable(report: boolean): Block {
    const p = this.plan;
    this.mark('budget');
    if (p.budgetStatedTotal !== null) this.mark('budgetTotal');
    const style: ColumnStyle = this.rng.pick([
      'space',
      'space',
      'nbsp',
      'dots',
      'plain',
      'kr-space',
      'decimals',
      'dash',
    ]);
    const n = (x: number): string => columnNumber(x, style);
    const other = p.budgetOtherColumn;
    const desc = (l: PlannedLine): string => this.rng.pick(BUDGET_DESCRIPTIONS_I[this.L][l.category]);
    const totalLabel = this.pick(
      report
        ? { nb: ['Sum', 'Sum forbruk', 'Totalt brukt'], nn: ['Sum', 'Sum forbruk', 'Totalt nytta'] }
        : {
            nb: ['Sum', 'Totalt', 'Sum omsøkt', 'Sum tilskudd'],
            nn: ['Sum', 'Totalt', 'Sum omsøkt', 'Samla'],
          },
    );
    const stated = p.budgetStatedTotal;
    const per = this.y ? ` per 31.12.${this.y}` : '';
    if (report) {
      const accounts = this.t(`Regnskap${per}`, `Rekneskap${per}`);
      if (other === 'planned') {
        const avvik = !this.hasSumDefect() && this.rng.chance(0.5);
        const header = [
          this.t('Post', 'Post'),
          this.y && this.rng.chance(0.5) ? `Budsjett ${this.y}` : 'Budsjett',
          accounts,
        ];
        if (avvik) header.push('Avvik');
        const rows = p.budget.map((l) => {
          const r = [l.label, n(l.other ?? 0), n(l.amount)];
          if (avvik) r.push(n((l.other ?? 0) - l.amount));
          return r;
        });
        const plannedSum = p.budget.reduce((s, l) => s + (l.other ?? 0), 0);
        let total: string[] | undefined;
        if (stated !== null) {
          total = [totalLabel, n(plannedSum), n(stated)];
          if (avvik) total.push(n(plannedSum - stated));
        }
        return { t: 'table', header, rows, total, numeric: header.map((_, i) => i > 0) };
      }
      const withDesc = this.rng.chance(0.4);
      const header = withDesc
        ? [this.t('Utgiftsart', 'Utgiftsart'), this.t('Beskrivelse', 'Skildring'), accounts]
        : [
            this.pick({ nb: ['Post', 'Utgiftsart', 'Kostnad'], nn: ['Post', 'Utgiftsart', 'Kostnad'] }),
            accounts,
          ];
      const rows = p.budget.map((l) => (withDesc ? [l.label, desc(l), n(l.amount)] : [l.label, n(l.amount)]));
      const total =
        stated === null ? undefined : withDesc ? [totalLabel, '', n(stated)] : [totalLabel, n(stated)];
      return {
        t: 'table',
        header,
        rows,
        total,
        numeric: header.map((_, i) => i === header.length - 1),
        widths: withDesc ? [0.3, 0.42, 0.28] : undefined,
      };
    }
    if (other === 'own') {
      const header = this.rng.pick(
        this.nn
          ? [
              ['Post', 'Tilskot', 'Eigendel', 'Totalt'],
              ['Kostnad', 'Omsøkt', 'Eigne midlar', 'Sum'],
            ]
          : [
              ['Post', 'Tilskudd', 'Egenandel', 'Totalt'],
              ['Kostnad', 'Omsøkt', 'Egne midler', 'Sum'],
            ],
      );
      const rows = p.budget.map((l) => [l.label, n(l.amount), n(l.other ?? 0), n(l.amount + (l.other ?? 0))]);
      const otherSum = p.budget.reduce((s, l) => s + (l.other ?? 0), 0);
      const total = stated === null ? undefined : [totalLabel, n(stated), n(otherSum), n(stated + otherSum)];
      return { t: 'table', header, rows, total, numeric: [false, true, true, true] };
    }
    const round = p.budget.every((l) => l.amount % 1000 === 0) && (stated === null || stated % 1000 === 0);
    const layout = this.rng.weighted<'desc' | 'plain' | 'thousands'>([
      ['desc', 4.5],
      ['plain', 4],
      ['thousands', round ? 1.5 : 0],
    ]);
    if (layout === 'thousands') {
      const t = (x: number): string => columnNumber(x / 1000, style === 'dots' ? 'dots' : 'space');
      const header = [
        this.t('Kostnadstype', 'Kostnadstype'),
        this.pick({
          nb: ['Beløp (i 1 000 kr)', 'Hele 1 000 kr'],
          nn: ['Beløp (i 1 000 kr)', 'Heile 1 000 kr'],
        }),
      ];
      return {
        t: 'table',
        header,
        rows: p.budget.map((l) => [l.label, t(l.amount)]),
        total: stated === null ? undefined : [totalLabel, t(stated)],
        numeric: [false, true],
      };
    }
    if (layout === 'desc') {
      const header = this.rng.pick(
        this.nn
          ? [
              ['Post', 'Skildring', 'Beløp (kr)'],
              ['Kostnad', 'Forklaring', 'Omsøkt'],
              ['Utgiftspost', 'Kommentar', 'Kr'],
            ]
          : [
              ['Post', 'Beskrivelse', 'Beløp (kr)'],
              ['Kostnad', 'Forklaring', 'Omsøkt'],
              ['Utgiftspost', 'Kommentar', 'Kr'],
            ],
      );
      return {
        t: 'table',
        header,
        rows: p.budget.map((l) => [l.label, desc(l), n(l.amount)]),
        total: stated === null ? undefined : [totalLabel, '', n(stated)],
        numeric: [false, false, true],
        widths: [0.3, 0.45, 0.25],
      };
    }
    const header = this.rng.pick(
      this.nn
        ? [
            ['Kostnadstype', 'Beløp (kr)'],
            ['Post', 'Søkt frå Statsforvaltaren'],
            ['Utgiftspost', 'Kr'],
          ]
        : [
            ['Kostnadstype', 'Beløp (kr)'],
            ['Post', 'Søkt fra Statsforvalteren'],
            ['Utgiftspost', 'Kr'],
          ],
    );
    return {
      t: 'table',
      header,
      rows: p.budget.map((l) => [l.label, n(l.amount)]),
      total: stated === null ? undefined : [totalLabel, n(stated)],
      numeric: [false, true],
    };
  }

  budgetSentence(): string {
    this.mark('budget');
    const parts = this.plan.budget.map((l) => `${this.money(l.amount, false)} til ${lowerFirst(l.label)}`);
    let total = '';
    if (this.plan.budgetStatedTotal !== null) {
      this.mark('budgetTotal');
      total = ` ${this.t('Til sammen', 'Til saman')} ${this.money(this.plan.budgetStatedTotal, false)}.`;
    }
    return `${this.t('Tilskuddet er planlagt brukt slik:', 'Tilskotet skal nyttast slik:')} ${joinList(parts)}.${total}`;
  }

  spendingSentence(): string {
    this.mark('budget');
    const parts = this.plan.budget.map((l) => `${lowerFirst(l.label)} ${this.money(l.amount, false)}`);
    let total = '';
    if (this.plan.budgetStatedTotal !== null) {
      this.mark('budgetTotal');
      total = ` Sum forbruk: ${this.money(this.plan.budgetStatedTotal, false)}.`;
    }
    return `${this.t('Forbruket fordeler seg slik:', 'Forbruket fordeler seg slik:')} ${parts.join('; ')}.${total}`;
  }

  pdfStyle(forceFields?: PdfStyle['fields']): PdfStyle {
    return {
      font: this.rng.pick(['dejavu-sans', 'dejavu-sans', 'dejavu-serif', 'helvetica', 'times']),
      size: this.rng.pick([9.5, 10, 10.5, 11]),
      margin: this.rng.pick([50, 56, 64, 72]),
      fields: forceFields ?? this.rng.pick(['colon', 'colon', 'tab', 'stacked', 'grid']),
      labelWidth: this.rng.pick([160, 180, 200, 220]),
    };
  }

  pdf(name: string, template: string, title: string, blocks: Block[], style = this.pdfStyle()): PdfModel {
    this.headingCount = 0;
    const who = (text: string): string =>
      this.municipal
        ? text
        : text
            .replace(/\bKommunen sin\b/g, 'Vår')
            .replace(/\bKommunen\b/g, 'Vi')
            .replace(/\bkommunens\b/g, 'vår')
            .replace(/\bKommunens\b/g, 'Vår');
    const fixed = blocks.map((b) =>
      b.t === 'para' ? { ...b, text: who(b.text).replace(/\.\.(\s|$)/g, '.$1') } : b,
    );
    return { type: 'pdf', name, template, title, created: this.created, style, blocks: fixed };
  }
}

const paras = (texts: (string | null)[]): Block[] =>
  compact(texts).map((text) => ({ t: 'para', text }) as Block);

function jiggle<T>(rng: Rng, rows: T[]): T[] {
  const out = [...rows];
  for (let i = 0; i + 1 < out.length; i++)
    if (rng.chance(0.2)) [out[i], out[i + 1]] = [out[i + 1] as T, out[i] as T];
  return out;
}

/** Rows with numbered labels, as portal exports print their questions: "2.3 Tilskotsår". */
const numbered = (section: number, rows: Row[]): Row[] =>
  rows.map(([l, v], i) => [`${section}.${i + 1} ${l}`, v]);

/** Boxes of a two-row form: the rows cut into groups of two or three. */
function boxes(rng: Rng, rows: Row[]): { label: string; value: string }[][] {
  const out: { label: string; value: string }[][] = [];
  let i = 0;
  while (i < rows.length) {
    const n = Math.min(rows.length - i, rng.pick([2, 3, 3]));
    out.push(rows.slice(i, i + n).map(([label, value]) => ({ label, value })));
    i += n;
  }
  return out;
}

// ---- titles --------------------------------------------------------------------------------------

/** Application titles; some long enough to wrap, some broken over two lines on purpose. */
function applicationTitle(w: W): { title: string; subtitle: string | null } {
  const p = w.plan;
  const y = w.y;
  const s = w.schemeName;
  w.mark('scheme');
  if (y) w.mark('year');
  if (!p.scheme) {
    return w.rng.pick([
      { title: `${w.t('Søknad om', 'Søknad om')} ${p.otherGrant}${y ? ` ${y}` : ''}`, subtitle: null },
      {
        title: `${w.t('Søknad om tilskudd', 'Søknad om tilskot')}${y ? ` ${y}` : ''}`,
        subtitle: `${w.t('Gjelder', 'Gjeld')}: ${p.otherGrant}`,
      },
    ]);
  }
  const options: { title: string; subtitle: string | null }[] = [
    { title: `${w.t('Søknad om tilskudd', 'Søknad om tilskot')} – ${s}${y ? ` ${y}` : ''}`, subtitle: null },
    {
      title: `${w.t('Søknad om tilskudd fra ordningen', 'Søknad om tilskot frå ordninga')}\n${s}${y ? ` – ${y}` : ''}`,
      subtitle: null,
    },
    { title: `${s}\n${y ? w.t(`Søknad for ${y}`, `Søknad for ${y}`) : 'Søknad'}`, subtitle: null },
    { title: `${w.t('Søknad om midler', 'Søknad om midlar')}${y ? ` ${y}` : ''}: ${s}`, subtitle: null },
  ];
  if (y) options.push({ title: `${w.t('Søknad om tilskudd', 'Søknad om tilskot')} ${y}`, subtitle: s });
  return w.rng.pick(options);
}

function reportTitle(w: W): { title: string; subtitle: string | null } {
  const y = w.y;
  const s = w.schemeName;
  w.mark('scheme');
  if (y) w.mark('year');
  return w.rng.pick(
    compact([
      {
        title: `${w.t('Rapport på bruk av tilskudd', 'Rapport om bruk av tilskot')}${y ? ` ${y}` : ''}`,
        subtitle: s,
      },
      { title: `${w.t('Rapportering', 'Rapportering')}${y ? ` ${y}` : ''} – ${s}`, subtitle: null },
      y
        ? {
            title: `${w.t('Rapport for tilskuddsåret', 'Rapport for tilskotsåret')} ${y}\n${s}`,
            subtitle: null,
          }
        : null,
      {
        title: `${w.t('Årsrapport', 'Årsrapport')}${y ? ` ${y}` : ''}`,
        subtitle: `${w.t('Tilskudd fra ordningen', 'Tilskot frå ordninga')} ${s}`,
      },
    ]),
  );
}

// ---- letters ---------------------------------------------------------------------------------

function letterhead(w: W): Block {
  const name = w.rng.chance(0.4) ? w.plan.applicant.name.toUpperCase() : w.plan.applicant.name;
  w.mark('applicant');
  return { t: 'letterhead', name, lines: compact([w.rng.chance(0.7) ? w.department : null, ...w.address]) };
}

function recipient(w: W): Block {
  return {
    t: 'lines',
    lines: compact([
      w.office.name,
      w.rng.chance(0.6) ? w.t('Helse- og omsorgsavdelingen', 'Helse- og omsorgsavdelinga') : null,
      ...w.office.address,
    ]),
  };
}

/** The reference block of a municipal letter: right-aligned lines, or a row of boxes. */
function referenceBlock(w: W): Block {
  const p = w.plan;
  const d = p.submittedDate;
  const theirDate = d && w.rng.chance(0.4) ? w.date(addDays(d, -w.rng.int(20, 90)), 'dotted') : '';
  const theirRef = w.rng.chance(0.5) ? `${String(p.folderYear).slice(2)}/${w.rng.int(1000, 9999)}` : '';
  if (d) w.mark('date');
  if (w.rng.chance(0.45)) {
    const cells = compact([
      { label: w.t('Vår dato', 'Vår dato'), value: d ? w.date(d, 'dotted') : '' },
      { label: w.t('Vår referanse', 'Vår referanse'), value: w.ref },
      { label: w.t('Deres dato', 'Dykkar dato'), value: theirDate },
      { label: w.t('Deres referanse', 'Dykkar referanse'), value: theirRef },
    ]);
    return { t: 'formgrid', rows: [cells] };
  }
  const lines = compact([
    `${w.t('Vår ref.', 'Vår ref.')}: ${w.ref}`,
    `${w.t('Deres ref.', 'Dykkar ref.')}: ${theirRef}`,
    w.rng.chance(0.5) ? `${w.t('Saksbehandler', 'Sakshandsamar')}: ${w.contact.name}` : null,
    d ? `${w.rng.pick([w.t('Dato', 'Dato'), 'Vår dato'])}: ${w.date(d)}` : null,
  ]);
  return { t: 'right', lines };
}

function attachmentList(w: W): Block | null {
  const items = compact([
    w.plan.budget.length > 0 ? w.t('Budsjett', 'Budsjett') : null,
    w.plan.agreement ? w.t('Samarbeidsavtale', 'Samarbeidsavtale') : null,
    w.rng.chance(0.3) ? w.t('Organisasjonskart', 'Organisasjonskart') : null,
  ]);
  if (items.length === 0 || !w.rng.chance(0.6)) return null;
  return { t: 'lines', lines: ['Vedlegg:', ...items.map((x, i) => `${i + 1}. ${x}`)] };
}

function letterFooter(w: W): Block | null {
  const p = w.plan;
  const parts = compact([
    p.applicant.orgNumber ? `${w.label('orgNumber')} ${formatOrgNumber(w.rng, p.applicant.orgNumber)}` : null,
    p.applicant.municipality && p.applicant.writeMunicipalityNumber
      ? `${w.label('municipalityNumber')} ${p.applicant.municipality.number}`
      : null,
    w.rng.chance(0.5) ? `${w.label('account')} ${w.account}` : null,
    w.rng.chance(0.4) ? `${w.t('Sentralbord', 'Sentralbord')} ${phoneNumber(w.rng)}` : null,
  ]);
  if (p.applicant.orgNumber) w.mark('orgNumber');
  if (p.applicant.municipality && p.applicant.writeMunicipalityNumber) w.mark('municipalityNumber');
  return parts.length > 0 ? { t: 'small', text: parts.join(' · ') } : null;
}

function background(w: W): Block[] {
  if (!w.rng.chance(0.3)) return [];
  const texts = w.rng.sample(BACKGROUND_I[w.L], w.rng.int(2, 4));
  return [w.heading(w.pick(I_HEADINGS.background)), ...texts.map((text) => ({ t: 'para', text }) as Block)];
}

type BudgetPlace = 'main' | 'sheet' | 'both' | 'none';

// ---- applications ------------------------------------------------------------------------------

function measureRows(w: W, withScheme: boolean): Row[] {
  return compact<Row>([
    withScheme ? w.schemeRow() : null,
    w.yearRow(),
    w.rng.chance(0.35) ? w.periodRow() : null,
    w.priorityRow(),
    w.grantYearRow(),
    w.positionsRow(),
    w.partnersRow(),
  ]);
}

/** An export from the county governor's electronic application system. */
function appPortal(w: W, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title, subtitle } = applicationTitle(w);
  const d = p.submittedDate;
  let aside: string | undefined;
  if (d) {
    w.mark('date');
    aside = `${w.rng.pick([w.t('Innsendt', 'Innsendt'), w.t('Sendt inn', 'Sendt inn'), w.t('Mottatt', 'Motteke')])}: ${w.date(d, w.rng.pick(['long', 'dotted'] as const))}`;
  }
  const qa = w.rng.chance(0.4);
  const style = w.pdfStyle(qa ? 'stacked' : w.rng.pick(['colon', 'tab']));
  const blocks: Block[] = compact<Block>([
    {
      t: 'small',
      text: `${w.office.name} · ${w.t('Søknads- og rapporteringsløsning', 'Søknads- og rapporteringsløysing')} · ${w.t('Referansenummer', 'Referansenummer')} ${p.folderYear}-${String(w.rng.int(1, 99999)).padStart(5, '0')}`,
    },
    { t: 'title', text: title, aside },
    subtitle ? { t: 'subtitle', text: subtitle } : null,
    d && w.rng.chance(0.3)
      ? {
          t: 'small',
          text: `${w.t('Skjema opprettet', 'Skjema oppretta')} ${w.date(addDays(d, -w.rng.int(3, 30)), 'dotted')}`,
        }
      : null,
    { t: 'heading', text: `1 ${w.pick(I_HEADINGS.applicant)}` },
    { t: 'fields', rows: numbered(1, jiggle(w.rng, w.applicantRows())) },
    { t: 'heading', text: `2 ${w.pick(I_HEADINGS.measure)}` },
    { t: 'fields', rows: numbered(2, measureRows(w, true)) },
    ...paras([
      w.pick(TARGET_GROUPS_I[p.scheme ?? 'other']),
      w.yearNoise(),
      w.rng.chance(0.3) ? w.capNoise() : null,
    ]),
    { t: 'heading', text: `3 ${w.pick(I_HEADINGS.economy)}` },
    { t: 'fields', rows: numbered(3, w.economyRows()) },
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    budgetPlace === 'sheet'
      ? {
          t: 'para',
          text: w.t('Budsjett er lagt ved som eget vedlegg.', 'Budsjett er lagt ved som eige vedlegg.'),
        }
      : null,
    { t: 'heading', text: `4 ${w.pick(I_HEADINGS.confirm)}` },
    {
      t: 'para',
      text: w.t(
        'Søker bekrefter at opplysningene er korrekte og at søknaden er forankret i kommunens ledelse.',
        'Søkjar stadfestar at opplysningane er korrekte og at søknaden er forankra i leiinga i kommunen.',
      ),
    },
    { t: 'lines', lines: [`${w.t('Innsendt av', 'Sendt inn av')}: ${w.contact.name}, ${w.contact.title}`] },
  ]);
  return w.pdf(name, 'ind-app-portal', title, blocks, style);
}

/** A form whose boxes carry the label on top and the value beneath. */
function appTwoRow(w: W, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title, subtitle } = applicationTitle(w);
  const applicant = w.applicantRows();
  const measure = measureRows(w, true);
  const economy = w.economyRows();
  const sign: Row[] = [];
  if (p.submittedDate) {
    w.mark('date');
    sign.push([w.t('Sted og dato', 'Stad og dato'), w.placeDate(p.submittedDate)]);
  }
  sign.push([w.label('signature'), `${w.signer.name}, ${w.signer.title}`]);
  const blocks: Block[] = compact<Block>([
    { t: 'small', text: w.office.name },
    {
      t: 'title',
      text: w.rng.chance(0.3)
        ? `${w.t('SØKNADSSKJEMA', 'SØKNADSSKJEMA')}\n${title.replace(/\n/g, ' ')}`
        : title,
    },
    subtitle ? { t: 'subtitle', text: subtitle } : null,
    w.heading(w.pick(I_HEADINGS.applicant)),
    { t: 'formgrid', rows: boxes(w.rng, applicant) },
    w.heading(w.pick(I_HEADINGS.measure)),
    { t: 'formgrid', rows: boxes(w.rng, measure) },
    ...paras([w.pick(TARGET_GROUPS_I[p.scheme ?? 'other']), w.pick(FILLER_I), w.ownFundingSentence()]),
    w.heading(w.pick(I_HEADINGS.economy)),
    economy.length > 0 ? { t: 'formgrid', rows: boxes(w.rng, economy) } : null,
    budgetPlace === 'main' || budgetPlace === 'both' ? w.budgetTable(false) : null,
    w.heading(w.pick(I_HEADINGS.confirm)),
    { t: 'formgrid', rows: [sign.map(([label, value]) => ({ label, value }))] },
  ]);
  return w.pdf(name, 'ind-app-two-row', title, blocks, w.pdfStyle());
}

/** A letter: values in sentences, a reference row or block, "Stad og dato", maybe a key-facts box. */
function appLetter(w: W, budgetPlace: BudgetPlace, name: string): PdfModel {
  const p = w.plan;
  const { title } = applicationTitle(w);
  const facts = w.rng.chance(0.35);
  const orgInText = p.applicant.orgNumber !== null && w.rng.chance(0.3);
  const period = w.rng.chance(0.4) ? w.periodRow() : null;
  // The letter date either in the reference block (maybe again as "Stad og dato" under the text)
  // or as a place-and-date line above the title.
  const withReference = w.rng.chance(0.5);
  const sentenceBudget = budgetPlace === 'main' && w.rng.chance(0.35);
  let placeLine: Block | null = null;
  if (!withReference && p.submittedDate) {
    w.mark('date');
    placeLine = { t: 'right', lines: [w.placeDate(p.submittedDate)] };
  }
  let orgPara: Block | null = null;
  if (orgInText) {
    w.mark('orgNumber');
    const org = formatOrgNumber(w.rng, p.applicant.orgNumber as string);
    orgPara = {
      t: 'para',
      text: w.t(`Kommunens organisasjonsnummer er ${org}.`, `Organisasjonsnummeret til kommunen er ${org}.`),
    };
  }
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    { t: 'gap' },
    recipient(w),
    withReference ? referenceBlock(w) : null,
    placeLine,
    { t: 'title', text: title },
    ...paras([
      w.applicationOpening(),
      w.pick(TARGET_GROUPS_I[p.scheme ?? 'other']),
      facts ? null : w.prioritySentence(),
      facts ? null : w.grantYearSentenceText(),
      facts ? null : w.positionsSentence(),
      facts ? null : w.partnersSentence(),
      w.yearNoise(),
      w.decisionNoise(),
      w.pick(FILLER_I),
      p.scheme && w.rng.chance(0.25)
        ? w.t(
            `Tilskuddsordningen forvaltes av ${w.office.name} på vegne av ${SCHEME_OWNER_I[p.scheme]}.`,
            `Tilskotsordninga vert forvalta av ${w.office.name} på vegne av ${SCHEME_OWNER_I[p.scheme]}.`,
          )
        : null,
      w.ownFundingSentence(),
      w.previousGrantSentence(),
      period ? `${period[0]}: ${period[1]}` : null,
      sentenceBudget ? w.budgetSentence() : null,
    ]),
    facts ? { t: 'heading', text: w.t('Nøkkelopplysninger', 'Nøkkelopplysningar') } : null,
    facts
      ? {
          t: 'fields',
          style: w.rng.pick(['tab', 'grid'] as const),
          rows: compact<Row>([
            w.orgRow(),
            w.municipalityNumberRow(),
            w.yearRow(),
            w.priorityRow(),
            w.grantYearRow(),
            w.positionsRow(),
            w.partnersRow(),
            w.moneyRow('requested', p.requested),
          ]),
        }
      : null,
    (budgetPlace === 'main' && !sentenceBudget) || budgetPlace === 'both' ? w.budgetTable(false) : null,
    budgetPlace === 'sheet'
      ? { t: 'para', text: w.t('Budsjett for tiltaket er vedlagt.', 'Budsjett for tiltaket ligg ved.') }
      : null,
    orgPara,
    ...background(w),
    { t: 'para', text: w.contactSentence() },
    withReference && p.submittedDate && w.rng.chance(0.5)
      ? { t: 'lines', lines: [w.placeDateLine() as string] }
      : null,
    { t: 'lines', lines: w.signature() },
    attachmentList(w),
    orgInText ? null : letterFooter(w),
  ]);
  if (orgInText && p.applicant.municipality && p.applicant.writeMunicipalityNumber) {
    w.mark('municipalityNumber');
    blocks.push({ t: 'small', text: `${w.label('municipalityNumber')} ${p.applicant.municipality.number}` });
  }
  return w.pdf(name, 'ind-app-letter', title.replace(/\n/g, ' '), blocks, w.pdfStyle());
}

/** The header of a printed e-mail (Outlook): Fra/Frå, Sendt, Til, Emne, Vedlegg. */
function emailHeader(w: W, subject: string, attachments: string[]): Block {
  const d = w.plan.submittedDate as string;
  w.mark('date');
  const rows: Row[] = compact<Row>([
    [w.t('Fra:', 'Frå:'), `${w.contact.name} <${w.contact.email}>`],
    ['Sendt:', emailSent(w.rng, d, w.L)],
    ['Til:', `${w.office.name} <${w.office.email}>`],
    w.rng.chance(0.3) ? ['Kopi:', `${w.t('Postmottak', 'Postmottak')} <postmottak@${w.domain}>`] : null,
    ['Emne:', subject],
    attachments.length > 0 ? ['Vedlegg:', attachments.join('; ')] : null,
  ]);
  return { t: 'fields', rows, style: 'tab' };
}

function emailSubject(w: W): string {
  const y = w.y ? ` ${w.y}` : '';
  w.mark('scheme');
  if (w.y) w.mark('year');
  return w.plan.kind === 'application'
    ? `${w.t('Søknad om tilskudd', 'Søknad om tilskot')} – ${w.schemeName}${y}`
    : `${w.t('Rapport', 'Rapport')}${y} – ${w.schemeName}`;
}

/** A short application written straight into an e-mail (the way some schemes ask for it). */
function appEmail(w: W, budgetPlace: BudgetPlace, name: string, attachments: string[]): PdfModel {
  const p = w.plan;
  const subject = emailSubject(w);
  const blocks: Block[] = compact<Block>([
    emailHeader(w, subject, attachments),
    { t: 'rule' },
    {
      t: 'para',
      text: w.rng.pick([w.t('Hei,', 'Hei,'), w.t(`Til ${w.office.name}`, `Til ${w.office.name}`)]),
    },
    ...paras([w.applicationOpening(), w.pick(TARGET_GROUPS_I[p.scheme ?? 'other'])]),
    {
      t: 'fields',
      style: 'colon',
      rows: compact<Row>([
        w.applicantRow(),
        w.orgRow(),
        w.municipalityNumberRow(),
        w.yearRow(),
        w.priorityRow(),
        w.grantYearRow(),
        w.positionsRow(),
        w.partnersRow(),
        [w.label('account'), w.account],
      ]),
    },
    ...paras([w.ownFundingSentence(), w.previousGrantSentence()]),
    budgetPlace === 'main' || budgetPlace === 'both'
      ? w.rng.chance(0.5)
        ? { t: 'para', text: w.budgetSentence() }
        : w.budgetTable(false)
      : null,
    { t: 'para', text: w.contactSentence() },
    { t: 'lines', lines: w.signature() },
  ]);
  return w.pdf(name, 'ind-app-email', subject, blocks, w.pdfStyle());
}

/** A printed e-mail that sends the application (or report) as attachments. */
function coverEmail(w: W, name: string, attachments: string[]): PdfModel {
  const p = w.plan;
  const subject = emailSubject(w);
  const what = p.kind === 'application' ? w.t('søknad', 'søknad') : w.t('rapport', 'rapport');
  const blocks: Block[] = [
    emailHeader(w, subject, attachments),
    { t: 'rule' },
    { t: 'para', text: w.t('Hei,', 'Hei,') },
    {
      t: 'para',
      text: w.t(
        `Vedlagt følger ${what} fra ${p.applicant.name}. Gi beskjed dersom noe mangler.`,
        `Vedlagt følgjer ${what} frå ${p.applicant.name}. Gje beskjed dersom noko manglar.`,
      ),
    },
    {
      t: 'lines',
      lines: [
        w.pick({ nb: ['Vennlig hilsen', 'Mvh'], nn: ['Venleg helsing', 'Mvh'] }),
        w.contact.name,
        w.contact.title,
        w.contact.phone,
      ],
    },
  ];
  return w.pdf(name, 'ind-email-cover', subject, blocks, w.pdfStyle());
}

// ---- spreadsheets -------------------------------------------------------------------------------

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
const col = (i: number): string => String.fromCharCode(65 + i);

interface SheetNumbers {
  asText: boolean;
  numFmt: string;
}

function sheetNumbers(w: W): SheetNumbers {
  return {
    asText: w.rng.chance(0.15),
    numFmt: w.rng.pick(['#,##0', '# ##0', '#,##0 "kr"', '"kr" #,##0', '0', '#,##0.00', '#,##0;[Red]-#,##0']),
  };
}

function sheetMoney(w: W, ns: SheetNumbers, amount: number): CellValue | [CellValue, CellStyle] {
  if (ns.asText) return w.money(amount, false);
  return [amount, { numFmt: ns.numFmt }];
}

/** A budget or spending table; returns the row of the grant/spent total, if one is written. */
function sheetBudget(
  w: W,
  b: SheetBuilder,
  report: boolean,
  ns: SheetNumbers,
): { totalRow: number | null; amountCol: number } {
  const p = w.plan;
  w.mark('budget');
  const other = p.budgetOtherColumn;
  const per = w.y ? ` per 31.12.${w.y}` : '';
  const withDesc = other === null && w.rng.chance(0.5);
  const avvik =
    report && other === 'planned' && !p.defects.some((d) => d.startsWith('sum-')) && w.rng.chance(0.5);
  const headers: string[] = report
    ? other === 'planned'
      ? compact(['Post', 'Budsjett', w.t(`Regnskap${per}`, `Rekneskap${per}`), avvik ? 'Avvik' : null])
      : compact([
          'Post',
          withDesc ? w.t('Beskrivelse', 'Skildring') : null,
          w.t(`Regnskap${per}`, `Rekneskap${per}`),
        ])
    : other === 'own'
      ? ['Post', w.t('Tilskudd', 'Tilskot'), w.t('Egenandel', 'Eigendel'), 'Sum']
      : compact(['Post', withDesc ? w.t('Beskrivelse', 'Skildring') : null, w.t('Beløp (kr)', 'Beløp (kr)')]);
  b.add(...headers.map(bold));
  const amountCol = report && other === 'planned' ? 2 : withDesc ? 2 : 1;
  const first = b.rows.length + 1;
  for (const l of p.budget) {
    const r = b.rows.length + 1;
    if (report && other === 'planned') {
      const cells: (CellValue | [CellValue, CellStyle])[] = [
        l.label,
        sheetMoney(w, ns, l.other ?? 0),
        sheetMoney(w, ns, l.amount),
      ];
      if (avvik)
        cells.push(
          ns.asText
            ? columnNumber((l.other ?? 0) - l.amount, 'space')
            : [{ formula: `B${r}-C${r}`, result: (l.other ?? 0) - l.amount }, { numFmt: ns.numFmt }],
        );
      b.add(...cells);
    } else if (other === 'own' && !report) {
      b.add(l.label, sheetMoney(w, ns, l.amount), sheetMoney(w, ns, l.other ?? 0), [
        { formula: `B${r}+C${r}`, result: l.amount + (l.other ?? 0) },
        { numFmt: ns.numFmt },
      ]);
    } else if (withDesc) {
      b.add(l.label, w.rng.pick(BUDGET_DESCRIPTIONS_I[w.L][l.category]), sheetMoney(w, ns, l.amount));
    } else b.add(l.label, sheetMoney(w, ns, l.amount));
  }
  const last = b.rows.length;
  if (p.budgetStatedTotal === null) return { totalRow: null, amountCol };
  w.mark('budgetTotal');
  const lineSum = p.budget.reduce((s, l) => s + l.amount, 0);
  const otherSum = p.budget.reduce((s, l) => s + (l.other ?? 0), 0);
  const total = (c: number, value: number, sum: number): [CellValue, CellStyle] =>
    value === sum && !ns.asText
      ? [
          { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result: value },
          { bold: true, numFmt: ns.numFmt },
        ]
      : [ns.asText ? w.money(value, false) : value, { bold: true, numFmt: ns.numFmt }];
  const label = bold(
    w.pick(
      report
        ? { nb: ['Sum', 'Sum forbruk'], nn: ['Sum', 'Sum forbruk'] }
        : { nb: ['Sum', 'Totalt', 'Sum omsøkt'], nn: ['Sum', 'Totalt', 'Sum omsøkt'] },
    ),
  );
  const cells: (CellValue | [CellValue, CellStyle])[] = [label];
  if (report && other === 'planned') {
    cells.push(total(1, otherSum, otherSum), total(2, p.budgetStatedTotal, lineSum));
    if (avvik)
      cells.push([
        { formula: `B${last + 1}-C${last + 1}`, result: otherSum - p.budgetStatedTotal },
        { bold: true, numFmt: ns.numFmt },
      ]);
  } else if (other === 'own' && !report) {
    cells.push(total(1, p.budgetStatedTotal, lineSum), total(2, otherSum, otherSum), [
      { formula: `B${last + 1}+C${last + 1}`, result: p.budgetStatedTotal + otherSum },
      { bold: true, numFmt: ns.numFmt },
    ]);
  } else {
    if (withDesc) cells.push(null);
    cells.push(total(amountCol, p.budgetStatedTotal, lineSum));
  }
  return { totalRow: b.add(...cells), amountCol };
}

function xlsx(w: W, name: string, template: string, sheets: SheetModel[]): XlsxModel {
  return { type: 'xlsx', name, template, created: w.created, sheets };
}

function budgetWorkbook(w: W, name: string): XlsxModel {
  const p = w.plan;
  const b = new SheetBuilder();
  const ns = sheetNumbers(w);
  if (w.y) w.mark('year');
  b.add(bold(w.y ? `Budsjett ${w.y}` : w.t('Budsjett for tiltaket', 'Budsjett for tiltaket')));
  b.add(p.applicant.name);
  w.mark('applicant');
  if (w.rng.chance(0.5) && p.scheme) {
    w.mark('scheme');
    b.add(w.label('scheme'), w.schemeName);
  }
  b.blank();
  sheetBudget(w, b, false, ns);
  if (w.rng.chance(0.4)) {
    b.blank();
    b.add(
      w.t('Merknad:', 'Merknad:'),
      w.pick({
        nb: [
          'Lønnskostnader inkluderer sosiale utgifter.',
          'Beløpene er avrundet til hele tusen.',
          'Egenandelen dekkes over driftsbudsjettet.',
        ],
        nn: [
          'Lønskostnadene inkluderer sosiale utgifter.',
          'Beløpa er runda av til heile tusen.',
          'Eigendelen vert dekt over driftsbudsjettet.',
        ],
      }),
    );
  }
  return xlsx(w, name, 'ind-budget-xlsx', [
    { name: w.rng.pick(['Budsjett', 'Ark1', 'Budsjett søknad']), rows: b.rows, widths: [34, 40, 18, 14] },
  ]);
}

/** An Excel application form: hint column, question/answer columns or facts as a header row. */
function appWorkbook(w: W, name: string, budgetPlace: BudgetPlace): XlsxModel {
  const p = w.plan;
  const ns = sheetNumbers(w);
  const b = new SheetBuilder();
  const { title, subtitle } = applicationTitle(w);
  const layout = w.rng.pick(['hint', 'qa', 'header'] as const);
  b.add(bold(title.replace(/\n/g, ' – ')));
  if (subtitle) b.add(subtitle);
  b.add(w.office.name);
  b.blank();
  const hint = (label: string): string =>
    /org/i.test(label)
      ? '9 siffer'
      : /søknadssum|omsøkt|søkt beløp|søkes om|søkt om/i.test(label)
        ? w.t('Oppgi beløp i hele kroner', 'Oppgi beløp i heile kroner')
        : '';
  const put = (rows: Row[]): void => {
    for (const [k, v] of rows) {
      if (layout === 'hint') b.add(k, [hint(k), { numFmt: '@' }], v);
      else b.add(k, v);
    }
  };
  const applicant = compact<Row>([
    w.applicantRow(),
    w.orgRow(),
    w.municipalityNumberRow(),
    ...w.contactRows(),
  ]);
  if (layout === 'header') {
    b.add(...applicant.map(([k]) => bold(k)));
    b.add(...applicant.map(([, v]) => v));
  } else {
    if (layout === 'qa') b.add(bold(w.t('Spørsmål', 'Spørsmål')), bold(w.t('Svar', 'Svar')));
    put(applicant);
  }
  b.blank();
  b.add(bold(w.pick(I_HEADINGS.measure)));
  put(compact<Row>([w.schemeRow(), w.priorityRow(), w.grantYearRow(), w.partnersRow()]));
  const at = (label: string, value: CellValue | [CellValue, CellStyle]): number =>
    layout === 'hint' ? b.add(label, '', value) : b.add(label, value);
  if (p.yearWritten) {
    w.mark('year');
    at(w.label('yearApplication'), w.rng.chance(0.6) ? p.year : String(p.year));
  }
  if (p.positions !== null) {
    w.mark('positions');
    const label = w.label('positions');
    const asNumber = /årsverk|stillingar$|stillinger i/i.test(label) && w.rng.chance(0.6);
    const asPercent = /%/.test(label) && w.rng.chance(0.5);
    at(
      label,
      asNumber
        ? p.positions
        : asPercent
          ? [p.positions, { numFmt: '0%' }]
          : positionsValue(w.rng, p.positions, label, w.L),
    );
  }
  b.blank();
  let budgetRef: string | null = null;
  const sheets: SheetModel[] = [];
  if (budgetPlace === 'main' || budgetPlace === 'both') {
    // The budget on its own sheet; the requested amount may point at its total.
    const bb = new SheetBuilder();
    bb.add(bold(w.pick(I_HEADINGS.budget)));
    const { totalRow, amountCol } = sheetBudget(w, bb, false, ns);
    if (totalRow !== null) budgetRef = `'Budsjett'!${col(amountCol)}${totalRow}`;
    sheets.push({ name: 'Budsjett', rows: bb.rows, widths: [34, 40, 18, 14] });
  }
  if (p.requested !== null) {
    w.mark('requested');
    const linked =
      budgetRef !== null && p.budgetStatedTotal === p.requested && !ns.asText && w.rng.chance(0.6);
    at(
      w.label('requested'),
      linked
        ? [{ formula: budgetRef as string, result: p.requested }, { numFmt: ns.numFmt }]
        : sheetMoney(w, ns, p.requested),
    );
  }
  if (p.ownFunding !== null) at(w.label('ownFunding'), sheetMoney(w, ns, p.ownFunding));
  const prev = w.rng.chance(0.5) ? w.previousGrantRow() : null;
  if (prev) at(prev[0], prev[1]);
  b.blank();
  if (p.submittedDate) {
    w.mark('date');
    const label = w.label('date');
    at(
      label,
      /^(Sted|Stad)/.test(label)
        ? w.placeDate(p.submittedDate)
        : w.rng.chance(0.5)
          ? [new Date(`${p.submittedDate}T12:00:00Z`), { numFmt: 'dd.mm.yyyy' }]
          : w.date(p.submittedDate),
    );
  }
  at(w.label('signature'), `${w.signer.name}, ${w.signer.title}`);
  return xlsx(w, name, 'ind-app-xlsx', [
    {
      name: w.rng.pick(['Søknad', 'Søknadsskjema', 'Skjema']),
      rows: b.rows,
      widths: [40, 26, 44, 14],
      merges: ['A1:C1'],
    },
    ...sheets,
  ]);
}

/** Eigenerklæring / økonomirapport: the financial report of a report submission. */
function financialWorkbook(w: W, name: string, standalone: boolean): XlsxModel {
  const p = w.plan;
  const ns = sheetNumbers(w);
  const b = new SheetBuilder();
  const heading = w.pick({
    nb: ['Egenerklæring – økonomirapport', 'Regnskapsrapport for tilskudd', 'Økonomisk rapport'],
    nn: ['Eigenerklæring – økonomirapport', 'Rekneskapsrapport for tilskot', 'Økonomisk rapport'],
  });
  if (w.y) w.mark('year');
  b.add(bold(w.y ? `${heading} ${w.y}` : heading));
  b.blank();
  w.mark('applicant');
  const facts = compact<Row>([
    [w.pick({ nb: ['Tilskuddsmottaker', 'Kommune'], nn: ['Tilskotsmottakar', 'Kommune'] }), p.applicant.name],
    w.orgRow(),
    w.municipalityNumberRow(),
    standalone || w.rng.chance(0.6) ? w.schemeRow() : null,
    w.yearRow(),
    standalone ? w.priorityRow() : null,
    standalone ? w.grantYearRow() : null,
    standalone ? w.partnersRow() : null,
    standalone ? w.positionsRow() : null,
  ]);
  if (!standalone && w.rng.chance(0.35)) {
    b.add(...facts.map(([k]) => bold(k)));
    b.add(...facts.map(([, v]) => v));
  } else for (const [k, v] of facts) b.add(k, v);
  b.blank();
  let grantedRow: number | null = null;
  if (p.granted !== null) {
    w.mark('granted');
    grantedRow = b.add(bold(w.label('granted')), sheetMoney(w, ns, p.granted));
  }
  b.blank();
  let spentRef: string | null = null;
  if (p.budget.length > 0) {
    const { totalRow, amountCol } = sheetBudget(w, b, true, ns);
    if (totalRow !== null) {
      spentRef = `${col(amountCol)}${totalRow}`;
      w.mark('spent');
    }
  }
  if (p.spent !== null && (spentRef === null || w.rng.chance(0.4))) {
    b.blank();
    w.mark('spent');
    const r = b.add(bold(w.label('spent')), sheetMoney(w, ns, p.spent));
    spentRef = `B${r}`;
  }
  if (p.unusedStated !== null) {
    w.mark('unused');
    const consistent = p.granted !== null && p.spent !== null && p.unusedStated === p.granted - p.spent;
    b.add(
      bold(w.label('unused')),
      consistent && grantedRow && spentRef && !ns.asText && w.rng.chance(0.7)
        ? [{ formula: `B${grantedRow}-${spentRef}`, result: p.unusedStated }, { numFmt: ns.numFmt }]
        : sheetMoney(w, ns, p.unusedStated),
    );
  }
  b.blank();
  b.add(
    w.pick({
      nb: [
        'Vi bekrefter at tilskuddet er brukt i samsvar med forutsetningene i tilskuddsbrevet.',
        'Egenerklæring: midlene er brukt til formålet.',
      ],
      nn: [
        'Vi stadfestar at tilskotet er nytta i samsvar med føresetnadene i tilskotsbrevet.',
        'Eigenerklæring: midlane er nytta til føremålet.',
      ],
    }),
  );
  if (p.submittedDate) {
    w.mark('date');
    const label = w.label('date');
    b.add(
      label,
      /^(Sted|Stad)/.test(label)
        ? w.placeDate(p.submittedDate)
        : w.rng.chance(0.5)
          ? [new Date(`${p.submittedDate}T12:00:00Z`), { numFmt: 'dd.mm.yyyy' }]
          : w.date(p.submittedDate),
    );
  }
  b.add(
    w.pick({
      nb: ['Signatur', 'Økonomisjef', 'Underskrift'],
      nn: ['Signatur', 'Økonomisjef', 'Underskrift'],
    }),
    w.signer.name,
  );
  return xlsx(w, name, standalone ? 'ind-report-xlsx-only' : 'ind-fin-xlsx', [
    {
      name: w.rng.pick([
        'Økonomirapport',
        w.t('Regnskap', 'Rekneskap'),
        'Ark1',
        w.t('Egenerklæring', 'Eigenerklæring'),
      ]),
      rows: b.rows,
      widths: [40, 40, 22, 16, 14, 14, 14],
    },
  ]);
}

// ---- reports ----------------------------------------------------------------------------------

function grantRows(w: W): Row[] {
  const p = w.plan;
  return compact<Row>([
    w.rng.chance(0.5) ? w.schemeRow() : null,
    w.yearRow(),
    w.priorityRow(),
    w.grantYearRow(),
    w.positionsRow(),
    w.partnersRow(),
    // A report form that repeats the amount once applied for: not a requestedAmount (reports have none).
    p.granted !== null && w.rng.chance(0.08)
      ? [
          w.t('Søkt beløp i søknaden', 'Søkt beløp i søknaden'),
          w.money(Math.round((p.granted * 1.25) / 10_000) * 10_000),
        ]
      : null,
    w.moneyRow('granted', p.granted),
    w.moneyRow('spent', p.spent),
    w.moneyRow('unused', p.unusedStated),
  ]);
}

function reportForm(w: W, spendingInMain: boolean, name: string, twoRow: boolean): PdfModel {
  const p = w.plan;
  let signBlock: Block;
  if (twoRow && p.submittedDate) {
    w.mark('date');
    signBlock = {
      t: 'formgrid',
      rows: [
        [
          { label: w.t('Sted og dato', 'Stad og dato'), value: w.placeDate(p.submittedDate) },
          { label: w.label('signature'), value: `${w.signer.name}, ${w.signer.title}` },
        ],
      ],
    };
  } else signBlock = { t: 'lines', lines: compact([w.placeDateLine(), w.signer.name, w.signer.title]) };
  const { title, subtitle } = reportTitle(w);
  const applicant = jiggle(w.rng, w.applicantRows());
  const grant = grantRows(w);
  if (!w.written.has('scheme')) grant.unshift(w.schemeRow());
  const blocks: Block[] = compact<Block>([
    { t: 'small', text: `${w.office.name} · ${w.t('Rapporteringsskjema', 'Rapporteringsskjema')}` },
    { t: 'title', text: title },
    subtitle ? { t: 'subtitle', text: subtitle } : null,
    w.heading(w.pick(I_HEADINGS.recipient)),
    twoRow ? { t: 'formgrid', rows: boxes(w.rng, applicant) } : { t: 'fields', rows: applicant },
    w.heading(w.pick(I_HEADINGS.grant)),
    twoRow ? { t: 'formgrid', rows: boxes(w.rng, grant) } : { t: 'fields', rows: grant },
    spendingInMain && p.budget.length > 0 ? w.heading(w.pick(I_HEADINGS.accounts)) : null,
    spendingInMain && p.budget.length > 0 ? w.budgetTable(true) : null,
    w.heading(w.pick(I_HEADINGS.results)),
    ...paras([w.pick(RESULTS_I), w.yearNoise()]),
    signBlock,
  ]);
  return w.pdf(
    name,
    twoRow ? 'ind-report-two-row' : 'ind-report-form',
    title.replace(/\n/g, ' '),
    blocks,
    w.pdfStyle(),
  );
}

function reportLetter(w: W, spendingInMain: boolean, name: string): PdfModel {
  const p = w.plan;
  const { title } = reportTitle(w);
  const y = w.y;
  const s = w.schemeInText();
  const forY = y ? ` for ${y}` : '';
  const inY = y ? ` i ${y}` : '';
  let grantedText: string;
  if (p.granted !== null) {
    w.mark('granted');
    const m = w.money(p.granted);
    grantedText = w.rng.pick(
      compact(
        w.nn
          ? [
              `${w.who} fekk tildelt ${m} frå ${s}${forY}.`,
              y ? `Tilskotet for ${y} var på ${m} (${s}).` : null,
              `Kommunen fekk ${m} i tilskot${inY} frå ordninga ${s}.`,
            ]
          : [
              `${w.who} fikk tildelt ${m} fra ${s}${forY}.`,
              y ? `Tilskuddet for ${y} var på ${m} (${s}).` : null,
              `Kommunen mottok ${m} i tilskudd${inY} fra ordningen ${s}.`,
            ],
      ),
    );
  } else
    grantedText = w.t(
      `Rapporten gjelder tilskudd fra ${s}${forY}.`,
      `Rapporten gjeld tilskot frå ${s}${forY}.`,
    );
  let spentText: string | null = null;
  if (p.spent !== null) {
    w.mark('spent');
    const m = w.money(p.spent);
    spentText = w.rng.pick(
      compact(
        w.nn
          ? [
              y ? `Per 31.12.${y} er ${m} nytta.` : null,
              `Av tilskotet er ${m} brukt.`,
              `Rekneskapen viser eit forbruk på ${m}.`,
            ]
          : [
              y ? `Per 31.12.${y} er ${m} brukt.` : null,
              `Av tilskuddet er ${m} benyttet.`,
              `Regnskapet viser et forbruk på ${m}.`,
            ],
      ),
    );
  }
  let unusedText: string | null = null;
  if (p.unusedStated !== null) {
    w.mark('unused');
    const m = w.money(p.unusedStated);
    const next = y ? String(p.year + 1) : w.t('neste år', 'neste år');
    unusedText =
      p.unusedStated === 0
        ? w.t('Det er ingen ubrukte midler.', 'Det er ingen ubrukte midlar.')
        : w.rng.pick(
            w.nn
              ? [
                  `Ubrukte midlar, ${m}, vert søkt overførte til ${next}.`,
                  `Resten, ${m}, vert betalt tilbake.`,
                ]
              : [`Ubrukte midler, ${m}, søkes overført til ${next}.`, `Resterende ${m} betales tilbake.`],
          );
  }
  const sentences = compact<string>([
    grantedText,
    spentText,
    unusedText,
    w.prioritySentence(),
    w.grantYearSentenceText(),
    w.positionsSentence(),
    w.partnersSentence(),
    w.yearNoise(),
    spendingInMain && p.budget.length > 0 && w.rng.chance(0.4) ? w.spendingSentence() : null,
  ]);
  if (y) w.mark('year');
  const blocks: Block[] = compact<Block>([
    letterhead(w),
    recipient(w),
    referenceBlock(w),
    { t: 'title', text: title },
    ...paras(sentences),
    spendingInMain && p.budget.length > 0 && !w.written.has('budget') ? w.budgetTable(true) : null,
    { t: 'para', text: w.pick(RESULTS_I) },
    ...background(w),
    { t: 'lines', lines: w.signature() },
    letterFooter(w),
  ]);
  return w.pdf(name, 'ind-report-letter', title.replace(/\n/g, ' '), blocks, w.pdfStyle());
}

// ---- attachments -------------------------------------------------------------------------------

function agreement(w: W, name: string): PdfModel {
  const p = w.plan;
  w.mark('partners');
  const party = (n: string, org: string | null): string =>
    org ? `${n}, org.nr. ${formatOrgNumber(w.rng, org)}` : n;
  const signed = p.submittedDate ? addDays(p.submittedDate, -w.rng.int(5, 60)) : null;
  const trust = p.partners.find((x) => x.kind === 'helseforetak');
  const about = p.priority ? lowerFirst(w.priorityText()) : w.t('tiltaket', 'tiltaket');
  const title = w.rng.pick(['SAMARBEIDSAVTALE', 'Samarbeidsavtale', 'Avtale om samarbeid']);
  const blocks: Block[] = compact<Block>([
    { t: 'title', text: title },
    { t: 'subtitle', text: `mellom ${joinList([p.applicant.name, ...p.partners.map((x) => x.name)])}` },
    { t: 'para', text: w.t(`om samarbeid om ${about}`, `om samarbeid om ${about}`) },
    { t: 'heading', text: w.t('1. Parter', '1. Partar') },
    {
      t: 'lines',
      lines: [
        party(p.applicant.name, p.applicant.orgNumber),
        ...p.partners.map((x) => party(x.name, x.orgNumber)),
      ],
    },
    { t: 'heading', text: w.t('2. Formål', '2. Føremål') },
    {
      t: 'para',
      text: w.t(
        `Avtalen skal sikre forpliktende samarbeid mellom partene om tjenester til målgruppen, jf. søknad om tilskudd fra ${w.schemeName}.`,
        `Avtalen skal sikre forpliktande samarbeid mellom partane om tenester til målgruppa, jf. søknad om tilskot frå ${w.schemeName}.`,
      ),
    },
    { t: 'heading', text: w.t('3. Ansvar', '3. Ansvar') },
    {
      t: 'para',
      text:
        w.t(
          `${p.applicant.name} er hovedsøker og har det økonomiske og administrative ansvaret.`,
          `${p.applicant.name} er hovudsøkjar og har det økonomiske og administrative ansvaret.`,
        ) +
        (trust
          ? w.t(
              ` ${trust.name} bidrar med kompetanse fra spesialisthelsetjenesten.`,
              ` ${trust.name} bidreg med kompetanse frå spesialisthelsetenesta.`,
            )
          : ''),
    },
    { t: 'heading', text: w.t('4. Varighet', '4. Varigheit') },
    {
      t: 'para',
      text: signed
        ? w.t(
            `Avtalen gjelder fra ${w.date(signed, 'long')} og så lenge tiltaket får tilskudd.`,
            `Avtalen gjeld frå ${w.date(signed, 'long')} og så lenge tiltaket får tilskot.`,
          )
        : w.t(
            'Avtalen gjelder fra signering og så lenge tiltaket får tilskudd.',
            'Avtalen gjeld frå signering og så lenge tiltaket får tilskot.',
          ),
    },
    { t: 'heading', text: w.t('5. Underskrifter', '5. Underskrifter') },
    {
      t: 'lines',
      lines: [
        `${w.t('Sted og dato', 'Stad og dato')}: ${signed ? `${w.place}, ${w.date(signed, 'dotted')}` : '____________'}`,
        `For ${p.applicant.name}: ${w.signer.name}`,
        ...p.partners.map((x) => `For ${x.name}: ${w.rng.pick(FIRST_NAMES_I)} ${w.rng.pick(LAST_NAMES_I)}`),
      ],
    },
  ]);
  return w.pdf(name, 'ind-agreement', title, blocks, w.pdfStyle('colon'));
}

// ---- the submission ------------------------------------------------------------------------------

function uniqueName(used: Set<string>, name: string): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = name.replace(/(\.[a-z]+)$/, `_${i}$1`);
  used.add(n.toLowerCase());
  return n;
}

/** The marks a plan requires: every value it says is written. */
function required(plan: Plan): Mark[] {
  const out: Mark[] = ['applicant', 'scheme'];
  if (plan.applicant.orgNumber !== null) out.push('orgNumber');
  if (plan.applicant.municipality && plan.applicant.writeMunicipalityNumber) out.push('municipalityNumber');
  if (plan.yearWritten) out.push('year');
  if (plan.priority !== null) out.push('priority');
  if (plan.grantYear !== null) out.push('grantYear');
  if (plan.positions !== null) out.push('positions');
  if (plan.kind === 'application' && plan.requested !== null) out.push('requested');
  if (plan.kind === 'report') {
    if (plan.granted !== null) out.push('granted');
    if (plan.spent !== null) out.push('spent');
    if (plan.unusedStated !== null) out.push('unused');
  }
  if (plan.partners.length > 0) out.push('partners');
  if (plan.budget.length > 0) out.push('budget');
  if (plan.budget.length > 0 && plan.budgetStatedTotal !== null) out.push('budgetTotal');
  if (plan.submittedDate !== null) out.push('date');
  return out;
}

export function composeIndependent(rng: Rng, plan: Plan): ComposedI {
  const w = new W(rng, plan);
  const used = new Set<string>();
  const nn = plan.language === 'nn';
  const name = (options: string[]): string => uniqueName(used, rng.pick(options));
  const docs: DocModel[] = [];
  const y = plan.yearWritten ? ` ${plan.year}` : '';
  const dated = plan.submittedDate !== null;
  const attachments: string[] = [];

  // File names first, so an e-mail can list every attachment.
  const agreementName = plan.agreement
    ? name(['samarbeidsavtale.pdf', 'Samarbeidsavtale signert.pdf', 'avtale_HF.pdf', 'vedlegg 2.pdf'])
    : null;
  if (plan.kind === 'application') {
    const template = rng.weighted<string>([
      ['portal', 3],
      ['two-row', 2],
      ['letter', 3],
      ['email', dated ? 1 : 0],
      ['xlsx', 1.5],
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
    const budgetName =
      budgetPlace === 'sheet' || budgetPlace === 'both'
        ? name([
            `budsjett${y.replace(' ', '_')}.xlsx`,
            `Budsjett${y}.xlsx`,
            'vedlegg 1 budsjett.xlsx',
            nn ? 'budsjett_tilskot.xlsx' : 'budsjett_tilskudd.xlsx',
          ])
        : null;
    const mainName =
      template === 'xlsx'
        ? name([
            'soknad.xlsx',
            nn ? 'søknadsskjema_tilskot.xlsx' : 'søknadsskjema_tilskudd.xlsx',
            `Søknad${y}.xlsx`,
          ])
        : template === 'email'
          ? name(['e-post.pdf', 'Utskrift e-post.pdf', 'melding.pdf'])
          : name([
              'soknad.pdf',
              `Søknad ${nn ? 'tilskot' : 'tilskudd'}${y}.pdf`,
              template === 'portal' ? 'kvittering_innsending.pdf' : 'soknadsbrev.pdf',
              'dokument.pdf',
              'Skann_0003.pdf',
            ]);
    attachments.push(...compact([template === 'email' ? null : mainName, budgetName, agreementName]));
    const main =
      template === 'portal'
        ? appPortal(w, budgetPlace, mainName)
        : template === 'two-row'
          ? appTwoRow(w, budgetPlace, mainName)
          : template === 'letter'
            ? appLetter(w, budgetPlace, mainName)
            : template === 'email'
              ? appEmail(w, budgetPlace, mainName, attachments)
              : appWorkbook(w, mainName, budgetPlace);
    docs.push(main);
    if (budgetName) docs.push(budgetWorkbook(w, budgetName));
  } else {
    const template = rng.weighted<string>([
      ['form', 3],
      ['letter', 2],
      ['two-row', 1.5],
      ['xlsx-only', 1.5],
      ['form+xlsx', 2],
      ['letter+xlsx', 1.5],
    ]);
    if (template === 'xlsx-only') {
      const n = name([
        nn ? 'eigenerklæring.xlsx' : 'egenerklæring.xlsx',
        'økonomirapport.xlsx',
        `Rapport${y}.xlsx`,
        nn ? 'rekneskap.xlsx' : 'regnskap.xlsx',
      ]);
      attachments.push(n);
      docs.push(financialWorkbook(w, n, true));
    } else {
      const withSheet = template.endsWith('+xlsx');
      const spendingInMain = !withSheet || rng.chance(0.2);
      const mainName = name([
        'rapport.pdf',
        'rapporteringsskjema.pdf',
        `Rapport ${nn ? 'tilskot' : 'tilskudd'}${y}.pdf`,
        'årsrapport.pdf',
        'dokument.pdf',
      ]);
      attachments.push(mainName);
      docs.push(
        template.startsWith('letter')
          ? reportLetter(w, spendingInMain, mainName)
          : reportForm(w, spendingInMain, mainName, template === 'two-row'),
      );
      if (withSheet) {
        const n = name([
          nn ? 'eigenerklæring.xlsx' : 'egenerklæring.xlsx',
          'økonomirapport.xlsx',
          'vedlegg.xlsx',
        ]);
        attachments.push(n);
        docs.push(financialWorkbook(w, n, false));
      }
    }
    if (agreementName) attachments.push(agreementName);
  }
  if (agreementName) docs.push(agreement(w, agreementName));
  if (dated && docs[0]?.template !== 'ind-app-email' && rng.chance(0.2)) {
    docs.push(coverEmail(w, name(['e-post.pdf', 'Utskrift e-post.pdf', 'oversending.pdf']), attachments));
  }

  const missing = required(plan).filter((m) => !w.written.has(m));
  if (missing.length > 0) {
    throw new Error(
      `independent corpus: ${plan.source} (${docs.map((d) => d.template).join(', ')}) does not write ${missing.join(', ')}`,
    );
  }
  return { docs, templates: docs.map((d) => d.template) };
}
