import { readFileSync } from 'node:fs';

/** One municipality as the corpus uses it: the plain Norwegian name, never the Sami or county-qualified form. */
export interface Municipality {
  number: string;
  /** "Herøy", "Trondheim", "Snåsa": what goes before " kommune". */
  plainName: string;
  orgNumber: string | null;
  /** The register's own name, e.g. "Trondheim - Tråante", "Herøy (Nordland)". */
  registerName: string;
}

export interface Register {
  municipalities: Municipality[];
  /** Every organisation number the register knows, candidates included. */
  orgNumbers: Set<string>;
  /** Plain names that more than one municipality carries (Herøy, Våler). */
  ambiguousNames: Set<string>;
}

interface RawMunicipality {
  municipalityNumber: string;
  name: string;
  orgNumber: string | null;
  brregName?: string;
  orgNumberCandidates?: string[];
}

const capitalise = (w: string): string =>
  w
    .toLowerCase()
    .split(/([- ])/)
    .map((p) => (p.length > 0 ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join('');

/**
 * The plain name: drop "(Nordland)"; of a Sami double name keep the part that the
 * Enhetsregisteret name puts before KOMMUNE ("Snåase - Snåsa" + "SNÅSA KOMMUNE" → "Snåsa").
 */
export function plainNameOf(name: string, brregName: string | undefined): string {
  const noCounty = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const parts = noCounty.split(' - ').map((p) => p.trim());
  if (parts.length === 1) return noCounty;
  const beforeKommune = brregName?.toUpperCase().match(/([\p{L}-]+)\s+KOMMUNE/u)?.[1];
  if (beforeKommune) {
    const match = parts.find((p) => p.toUpperCase() === beforeKommune);
    if (match) return match;
    return capitalise(beforeKommune);
  }
  return parts[0] as string;
}

export function loadRegister(path: string): Register {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { municipalities?: RawMunicipality[] };
  if (!Array.isArray(raw.municipalities)) throw new Error(`${path}: no "municipalities" list`);
  const municipalities: Municipality[] = [];
  const orgNumbers = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of raw.municipalities) {
    const plainName = plainNameOf(m.name, m.brregName);
    municipalities.push({
      number: m.municipalityNumber,
      plainName,
      orgNumber: m.orgNumber,
      registerName: m.name,
    });
    if (m.orgNumber) orgNumbers.add(m.orgNumber);
    for (const c of m.orgNumberCandidates ?? []) orgNumbers.add(c);
    seen.set(plainName, (seen.get(plainName) ?? 0) + 1);
  }
  const ambiguousNames = new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
  return { municipalities, orgNumbers, ambiguousNames };
}
