import type { Evidence, Extracted } from '../domain/evidence.ts';
import type { Partner } from '../domain/record.ts';
import type { Municipality, MunicipalityRegister } from '../register/municipality-register.ts';
import { normaliseOrgNumber } from '../normalise/org-number.ts';
import { parseName } from './field-values.ts';
import { FIELDS } from '../domain/fields.ts';
import type { LabelSpec } from './candidates.ts';
import { headHits } from './label-pairs.ts';
import { looksLikeLabel } from './label-values.ts';
import { KNOWN_HEALTH_TRUSTS, partnerKind } from './partner-kind.ts';
import { sentencesOf } from './sentences.ts';
import { lineEvidence, type SourceDocument, type SourceLine } from './source-text.ts';

const ORG_IN_TEXT =
  /org(?:anisasjons)?\.?\s*-?(?:nr|nummer)\.?\s*(?::|er)?\s*(?:NO\s*)?(\d{3}[\s.]?\d{3}[\s.]?\d{3})\b(?:\s*MVA)?/i;
/** "Trondheim kommune", "MÅLSELV KOMMUNE", "Nord-Fron kommune". */
const MUNICIPALITY_IN_TEXT = /(?<![\p{L}-])(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+kommune\b/iu;
/** An organisation's name: capitalised words with small connectors, maybe ending in "kommune". */
const NAME = String.raw`\p{Lu}[\p{L}\d.'&-]*(?:\s+(?:(?:og|i|for|av)\s+)?\p{Lu}[\p{L}\d.'&-]*){0,6}(?:\s+kommune)?`;

/** "Kommune: Molde": the municipality's name, to which "kommune" is added. */
const KOMMUNE_LABEL: LabelSpec = {
  // The whole label, not any label with the word in it ("For Levanger kommune" signs an agreement).
  heads: [[String.raw`^(?:kommune|kommunens? navn|kommunenamn|kommunen sitt namn)$`, 1]],
  vetoes: String.raw`samarbeid|partner|nummer|nr\.?(?!\p{L})|kontakt|adresse`,
};

/** Lists of partners: "Samarbeidspartnere", "Samarbeider med", "Øvrige parter i tiltaket" (bokmål and nynorsk). */
const PARTNERS_LABEL: LabelSpec = {
  heads: [
    [
      String.raw`samarbeids(?!avtal)\p{L}+|samarbeidende (?:aktører|kommuner|instanser|parter)|samarbeidande (?:aktørar|kommunar|partar)|medsøker(?:e|ne)?|medsøkjar(?:ar|ane)?|partnere?|samarbeid(?:er|ar)? med|(?:øvrige|andre|andre|øvrige) part(?:er|ar)|part(?:er|ar) i (?:tiltaket|prosjektet)`,
      1,
    ],
  ],
  vetoes: String.raw`avtale|dato|signatur|org\.?\s*nr|organisasjonsnummer|beskriv|skildr|hvordan|korleis`,
};

export interface ApplicantResult {
  name: Extracted<string> | null;
  orgNumber: Extracted<string> | null;
  municipalityNumber: Extracted<string> | null;
  /** The municipality the applicant was resolved to in the register, if any. */
  municipality: Municipality | null;
}

/** Resolves "Trondheim", "Trondheim kommune" or "Trondheim kommune, enhet for …" in the register. */
function resolveMunicipality(text: string, register: MunicipalityRegister | null): Municipality | null {
  if (!register) return null;
  const m = /^(.*?)\s+kommune\b/i.exec(text);
  const candidates = register.byMunicipalityName(m ? m[1]! : text);
  return candidates.length === 1 ? candidates[0]! : null;
}

/** "Trondheim kommune, Helse og velferd" → "Trondheim kommune"; other names as written. */
export function applicantDisplayName(raw: string, register: MunicipalityRegister | null): string {
  const municipality = resolveMunicipality(raw, register);
  if (municipality) return municipality.displayName;
  const m = /^(.*?\bkommune)\b/i.exec(raw);
  return m ? m[1]!.replace(/\bKommune$/, 'kommune') : raw;
}

export function extractApplicant(
  main: SourceDocument[],
  all: SourceDocument[],
  register: MunicipalityRegister | null,
): ApplicantResult {
  const docs = [...main, ...all.filter((d) => !main.includes(d))];
  const labelled = docs.flatMap((d) =>
    headHits(d, FIELDS['applicant.name']).map((h) => ({ ...h, kommune: false })),
  );
  const kommuneLabel = docs.flatMap((d) => headHits(d, KOMMUNE_LABEL).map((h) => ({ ...h, kommune: true })));

  // The name: a labelled applicant, else "Kommune: X", else a letterhead or signature "X kommune".
  let name: Extracted<string> | null = null;
  for (const hit of [...labelled, ...kommuneLabel]) {
    const value = parseName(hit.raw);
    // The next box's label ("Organisasjonsnummer (9 siffer)") or a number is no name.
    if (!value || /^(ja|nei|x)$/i.test(value) || looksLikeLabel(value) || !/\p{L}{2}/u.test(value)) continue;
    // "Nittedal kommune søker om kr 720 000": a sentence split at its amount names no applicant.
    if (hit.layout === 'inline' || /^(?:kr\.?|nok)?\s*\d/i.test(value)) continue;
    const isKommuneLabel = hit.kommune;
    if (isKommuneLabel && !resolveMunicipality(value, register) && !/kommune/i.test(value)) continue;
    const display = isKommuneLabel && !/kommune/i.test(value) ? `${value} kommune` : value;
    name = {
      value: applicantDisplayName(display, register),
      evidence: hit.evidence,
      confidence: hit.confidence,
    };
    break;
  }

  // "Stiftelsen X (org.nr. …) søker med dette om …": the subject of the applying sentence.
  if (!name) name = applicantInSentence(main.length > 0 ? main : all, register);

  const orgNumber = findApplicantOrgNumber(docs, name?.value ?? null);
  let municipality = name ? resolveMunicipality(name.value, register) : null;

  if (!name && orgNumber && register) {
    const byOrg = register.byOrgNumber(orgNumber.value);
    if (byOrg.length === 1) {
      municipality = byOrg[0]!;
      name = {
        value: municipality.displayName,
        evidence: orgNumber.evidence,
        confidence: orgNumber.confidence,
      };
    }
  }
  if (!name) name = letterheadMunicipality(main.length > 0 ? main : all, register);
  if (!name) name = letterheadSender(main.length > 0 ? main : all);
  if (name && !municipality) municipality = resolveMunicipality(name.value, register);

  // Two municipalities share a name (Herøy, Våler): the org number tells them apart.
  if (!municipality && name && register && orgNumber) {
    const byOrg = register.byOrgNumber(orgNumber.value);
    const m = /^(.*?)\s+kommune\b/i.exec(name.value);
    const sameName = byOrg.filter((x) => m && x.names.some((n) => n.toLowerCase() === m[1]!.toLowerCase()));
    if (sameName.length === 1) municipality = sameName[0]!;
  }

  const municipalityNumber = findMunicipalityNumber(docs, municipality, name, orgNumber, register);
  return { name, orgNumber, municipalityNumber, municipality };
}

const APPLYING = [
  // "Stiftelsen X (org.nr. …) søker med dette om …"
  new RegExp(
    String.raw`^(?:[-•]\s*)?(${NAME})\s*(?:\((?:org[^)]*)\)|,\s*org[^,]*,)?\s+(?:søker|søkjer|sender)\s+(?:herved\s+|med dette\s+|hermed\s+)?(?:om|inn)\b`,
    'u',
  ),
  // "Med dette søker Målselv kommune om …"
  new RegExp(String.raw`\bsøk(?:er|jer)\s+(${NAME})\s+(?:herved\s+|med dette\s+)?om\b`, 'u'),
];

function applicantInSentence(
  docs: SourceDocument[],
  register: MunicipalityRegister | null,
): Extracted<string> | null {
  for (const doc of docs) {
    for (const line of doc.lines) {
      const m = APPLYING.map((re) => re.exec(line.text)).find((x) => x !== null);
      if (!m || /^(vi|jeg|kommunen|vi i|det|med dette)$/i.test(m[1]!.trim())) continue;
      const value = parseName(m[1]!);
      if (value)
        return {
          value: applicantDisplayName(value, register),
          evidence: lineEvidence(line),
          confidence: line.confidence,
        };
    }
  }
  return null;
}

function findApplicantOrgNumber(docs: SourceDocument[], name: string | null): Extracted<string> | null {
  for (const doc of docs) {
    const hits = headHits(doc, FIELDS['applicant.orgNumber']);
    // A partner's org number stands on the partner's line; the applicant's does not.
    for (const own of hits.filter((h) => !h.line || !isPartnerLine(h.line.text))) {
      const org = normaliseOrgNumber(own.raw);
      if (org) return { value: org, evidence: own.evidence, confidence: own.confidence };
    }
    for (const line of doc.lines) {
      const m = ORG_IN_TEXT.exec(line.text);
      if (m && !isPartnerLine(line.text) && !namesAnotherBody(line.text, name)) {
        const value = normaliseOrgNumber(m[1]!);
        if (value) return { value, evidence: lineEvidence(line), confidence: line.confidence };
      }
    }
  }
  return null;
}

/** "Drangedal kommune, org.nr. …" in an agreement is another party's number, not the applicant's. */
function namesAnotherBody(text: string, applicant: string | null): boolean {
  const body =
    /\p{Lu}[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s+(?:kommune|fylkeskommune|stiftelse|forening|organisasjon)\b/u.exec(
      text,
    );
  return !!body && !!applicant && !text.toLowerCase().includes(applicant.toLowerCase());
}

/** A line about partners ("Samarbeidsaktører: Foreningen X (org.nr. …)"): its number is theirs. */
const isPartnerLine = (text: string) =>
  /\bhf\b|helseforetak|helseføretak|sykehus|sjukehus|samarbeids(?!avtal)|samarbeid(?:er|ar) med|medsøk|partner|(?:øvrige|andre) part|part(?:er|ar) i /iu.test(
    text,
  );

function findMunicipalityNumber(
  docs: SourceDocument[],
  municipality: Municipality | null,
  name: Extracted<string> | null,
  org: Extracted<string> | null,
  register: MunicipalityRegister | null,
): Extracted<string> | null {
  for (const doc of docs) {
    for (const hit of headHits(doc, FIELDS['applicant.municipalityNumber'])) {
      const m = /(?<!\d)(\d{4}|\d{3})(?!\d)/.exec(hit.raw);
      if (!m) continue;
      const value = m[1]!.padStart(4, '0');
      // A number the register does not know is an old one (2020 and 2024 reforms): use today's.
      if (register && !register.byMunicipalityNumber(value) && municipality) break;
      return { value, evidence: hit.evidence, confidence: hit.confidence };
    }
  }
  if (municipality) {
    const evidence = org?.evidence ?? name?.evidence;
    if (evidence) return { value: municipality.number, evidence, confidence: null };
  }
  return null;
}

/** "Trondheim kommune" in the first lines of a letter, or before "søker om" in a sentence. */
function letterheadMunicipality(
  docs: SourceDocument[],
  register: MunicipalityRegister | null,
): Extracted<string> | null {
  for (const doc of docs) {
    const head = doc.lines.filter((l) => l.page === 1).slice(0, 6);
    const candidates: SourceLine[] = [...head, ...doc.lines.filter((l) => /kommune\s+søker\b/i.test(l.text))];
    for (const line of candidates) {
      const m = MUNICIPALITY_IN_TEXT.exec(line.text);
      if (!m) continue;
      const municipality = resolveMunicipality(m[1]!, register);
      if (register && !municipality) continue;
      const value = municipality ? municipality.displayName : `${m[1]} kommune`;
      return { value, evidence: lineEvidence(line), confidence: line.confidence };
    }
  }
  return null;
}

/** Words of a title, an addressee or a department: never the sender's name. */
const NOT_SENDER =
  /søknad|søknaden|rapport|tilskudd|tilskot|statsforvalter|fylkesmann|helse og|omsorg|velferd|avdeling|enhet|eining|seksjon|tjeneste|teneste|postboks|\d/iu;

/**
 * A letter from a body that is no municipality ("Blå Kors Vest" above its address): the first
 * line of a letter whose next lines are a department or an address. Never a title or a heading.
 */
function letterheadSender(docs: SourceDocument[]): Extracted<string> | null {
  for (const doc of docs) {
    const [first, ...rest] = doc.lines.filter((l) => l.page === 1).slice(0, 4);
    if (!first || first.text.includes('\t') || NOT_SENDER.test(first.text)) continue;
    if (!/^\p{Lu}[\p{L}.&'-]*(?:\s+(?:og\s+|i\s+|for\s+)?\p{Lu}[\p{L}.&'-]*){0,5}$/u.test(first.text))
      continue;
    // An address (street with number, postcode and place) below the name makes it a letterhead.
    if (
      !rest.some((l) =>
        /^\d{4}\s+\p{Lu}|\p{L}+(?:veien|vegen|gata|gate|vei|veg|plass)\s+\d|^postboks\s+\d/iu.test(l.text),
      )
    )
      continue;
    const value = parseName(first.text);
    if (value) return { value, evidence: lineEvidence(first), confidence: first.confidence };
  }
  return null;
}

/** Partners: labelled lists, the parties of a cooperation agreement, and HFs named as collaborators. */
export function extractPartners(
  docs: SourceDocument[],
  agreements: SourceDocument[],
  applicantName: string | null,
): Array<Partner & { evidence: Evidence }> {
  const found: Array<Partner & { evidence: Evidence }> = [];
  const add = (rawName: string, orgNumber: string | null, evidence: Evidence) => {
    const name = cleanPartnerName(rawName);
    if (!name || sameName(name, applicantName)) return;
    const known = found.find((p) => sameName(p.name, name));
    if (known) {
      known.orgNumber ??= orgNumber; // the agreement often gives the number the form left out
      return;
    }
    found.push({ name, orgNumber, kind: partnerKind(name), evidence });
  };

  for (const doc of docs) {
    for (const hit of headHits(doc, PARTNERS_LABEL)) {
      for (const party of partiesInList(hit.raw)) add(party.name, party.org, hit.evidence);
    }
  }
  for (const doc of agreements) {
    // The parties head the agreement: "mellom / X kommune, org.nr. … / og / Y HF, org.nr. …".
    const head = doc.lines.slice(0, 25);
    for (const line of head) {
      // The next section ends the head, unless it is the list of parties itself ("1. Parter").
      const section = /^§|^\d+\s*[.)]?\s+\p{Lu}/u.test(line.text);
      if (section && !/\b(?:avtale)?part(?:er|ene|ar|ane)\b/i.test(line.text) && found.length > 0) break;
      const party =
        /^(?:(?:part|avtalepart)\s*\d?\s*[:.]?\s*)?(.{3,80}?\b(?:kommune|HF))\b\s*(?:[,(]|$)/iu.exec(
          line.text.split('\t')[0]!.replace(/^.*?\bmellom\s+/i, ''),
        );
      // Any other party listed with its number: "Landsforbundet mot stoffmisbruk avd. Hamar, org.nr. 864 669 583".
      const withOrg =
        /^(\p{Lu}[^,(]{2,80}?),?\s*\(?org(?:anisasjons)?\.?\s*-?(?:nr|nummer)\.?\s*:?\s*(?:NO\s*)?(\d{3}\s?\d{3}\s?\d{3})/u.exec(
          line.text.split('\t')[0]!,
        );
      if (!party && withOrg) add(withOrg[1]!, normaliseOrgNumber(withOrg[2]!), lineEvidence(line));
      if (party) {
        const parties = partiesInList(party[1]!.replace(/^(?:mellom|og)\s+/i, ''));
        const org = orgAfter(line.text.slice(party[0].length - 1));
        parties.forEach((p, i) =>
          add(p.name, p.org ?? (i === parties.length - 1 ? org : null), lineEvidence(line)),
        );
      }
    }
    for (const s of sentencesOf(doc).slice(0, 12)) {
      const between = /\b(?:inngått |avtale )?mellom\s+(.+?)(?:,\s*heretter|\s+om\b|\.\s|$)/i.exec(s.text);
      if (between && /kommune|\bHF\b/.test(between[1]!) && !/\bpartene\b/i.test(between[1]!)) {
        for (const party of partiesInList(between[1]!)) add(party.name, party.org, s.evidence);
      }
    }
  }
  // "Samarbeidspartnere i prosjektet er X (org.nr. …) og Y." / "… i samarbeid med X og Y."
  for (const doc of docs) {
    for (const s of sentencesOf(doc)) {
      const m =
        /\bsamarbeidspart(?:ner|nere|nerne|ar|arar|er)\b[^.:]{0,40}?\b(?:er|var|har vært|blir|vil være)\s+(.+)$/iu.exec(
          s.text,
        ) ?? /\bi (?:tett )?samarbeid med\s+(.+)$/iu.exec(s.text);
      if (m) for (const party of partiesInList(m[1]!)) add(party.name, party.org, s.evidence);
    }
  }
  for (const doc of [...agreements, ...docs]) {
    for (const line of doc.lines) {
      if (!/samarbeid|sammen med|medsøker|felles søknad|i fellesskap|for .*\bhf\b/i.test(line.text)) continue;
      for (const { name, org } of healthTrustsIn(line.text)) add(name, org, lineEvidence(line));
    }
  }
  return found;
}

/**
 * Splits "Helse Møre og Romsdal HF, org.nr. 997 005 562 og Molde kommune. Søknaden …" into
 * parties with their org numbers: HF names are kept whole, "og" splits only before a name,
 * and an org number belongs to the name before it.
 */
export function partiesInList(raw: string): Array<{ name: string; org: string | null }> {
  // The list ends with its sentence; "org.nr. NO 940 …" and "avd. Bergen" are abbreviations, not ends.
  const text = raw.split(
    /(?<=(?:[\p{Ll}\d]{2}|\bHF))(?<!(?:\bnr|\borg|\bavd|\bca|\bjf))\.\s+(?=\p{Lu})/u,
  )[0]!;
  const protectedNames: string[] = [];
  let masked = text;
  for (const { name } of healthTrustsIn(text)) {
    masked = masked.replace(name, `\uE000${protectedNames.length}\uE000`);
    protectedNames.push(name);
  }
  const parts = masked
    .split(/\s*[;,\n\t]\s*|(?<!-)\s+(?:og|samt)\s+(?=[\p{Lu}\uE000])/u)
    .map((p) => p.replace(/\uE000(\d+)\uE000/g, (_, i: string) => protectedNames[Number(i)]!).trim())
    .filter((p) => p.length > 1)
    // "Bufetat, region øst": a part in lower case carries on the name before it.
    .reduce<string[]>((acc, p) => {
      if (acc.length > 0 && /^(?:region|avd\.?|avdeling|seksjon|klinikk|distrikt)\s/u.test(p))
        acc[acc.length - 1] += `, ${p}`;
      else acc.push(p);
      return acc;
    }, []);
  const out: Array<{ name: string; org: string | null }> = [];
  for (const part of parts) {
    const org = ORG_IN_TEXT.exec(part);
    const name = part
      .replace(ORG_IN_TEXT, '')
      .replace(/[\s,(]+$/, '')
      .trim();
    if (name === '' && org && out.length > 0) out[out.length - 1]!.org ??= normaliseOrgNumber(org[1]!);
    else if (name !== '') out.push({ name, org: org ? normaliseOrgNumber(org[1]!) : null });
  }
  return out;
}

/** HF names in a line: the known trusts first, then any "Capitalised Words HF". */
function healthTrustsIn(text: string): Array<{ name: string; org: string | null }> {
  const out: Array<{ name: string; org: string | null }> = [];
  let rest = text;
  for (const trust of KNOWN_HEALTH_TRUSTS) {
    const re = new RegExp(trust.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'iu');
    const m = re.exec(rest);
    if (m) {
      out.push({ name: m[0], org: orgAfter(rest.slice(m.index + m[0].length)) });
      rest = rest.replace(m[0], ' ');
    }
  }
  const generic = /((?:[A-ZÆØÅ][\p{L}.-]*\.?\s+)(?:(?:[A-ZÆØÅ][\p{L}.-]*|hospital|sykehus|i)\s+){0,3})HF\b/gu;
  for (const m of rest.matchAll(generic))
    out.push({ name: `${m[1]!.trim()} HF`, org: orgAfter(rest.slice(m.index + m[0].length)) });
  return out;
}

function orgAfter(text: string): string | null {
  const m =
    /^\s*[(,]?\s*(?:org(?:anisasjons)?\.?\s*-?(?:nr|nummer)\.?\s*:?\s*)(\d{3}[\s.]?\d{3}[\s.]?\d{3})/i.exec(
      text,
    );
  return m ? normaliseOrgNumber(m[1]!) : null;
}

function cleanPartnerName(raw: string): string | null {
  const name = raw
    // Notes in brackets go; a name's own acronym stays: "Rusmisbrukernes Interesseorganisasjon (RIO)".
    .replace(/\((?!\p{Lu}{2,8}\))(?:[^)]*)\)/gu, ' ')
    .replace(/^(?:med|og|samt|mellom)\s+/i, '')
    .replace(/[\s,.;:–-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length < 3 || !/^[\p{Lu}\d]/u.test(name)) return null;
  if (/^(ingen|nei|ja|ikke aktuelt|se vedlegg)$/i.test(name)) return null;
  return name;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
function sameName(a: string, b: string | null): boolean {
  return b !== null && fold(a) === fold(b);
}
