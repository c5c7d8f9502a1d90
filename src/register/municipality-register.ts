import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

/** The file shape of `INTAKE_MUNICIPALITIES` (as `shared/data/kommuner.json`). */
export const RegisterFile = z.object({
  about: z.string().optional(),
  municipalities: z.array(
    z.object({
      municipalityNumber: z.string().regex(/^\d{4}$/),
      name: z.string().min(1),
      orgNumber: z
        .string()
        .regex(/^\d{9}$/)
        .nullable(),
      brregName: z.string().optional(),
      orgNumberCandidates: z.array(z.string().regex(/^\d{9}$/)).optional(),
    }),
  ),
});
export type RegisterFile = z.infer<typeof RegisterFile>;

export interface Municipality {
  number: string;
  /** The Norwegian name alone, e.g. "Trondheim" for "Trondheim - Tråante", "Herøy" for "Herøy (Nordland)". */
  name: string;
  /** How the applicant is written in records: "Trondheim kommune". */
  displayName: string;
  /** Every name form the municipality is known by (Norwegian, Sami, Kven), for matching. */
  names: string[];
  /** Org numbers; two when the register could not tell them apart. */
  orgNumbers: string[];
}

const foldName = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u0302\u0304-\u0309\u030b-\u036f]/g, '') // strip accents, keep å (ring, U+030A) and ø
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

/** Picks the Norwegian form among name segments: the one the Central Register writes before "KOMMUNE". */
function norwegianName(segments: string[], brregName: string | undefined): string {
  const upper = (brregName ?? '').toUpperCase();
  return segments.find((s) => upper.includes(`${s.toUpperCase()} KOMMUNE`)) ?? segments[0]!;
}

/** The municipality register: lookups by number, organisation number and name. */
export class MunicipalityRegister {
  private readonly byNumber = new Map<string, Municipality>();
  private readonly byOrg = new Map<string, Municipality[]>();
  private readonly byName = new Map<string, Municipality[]>();

  constructor(file: RegisterFile) {
    for (const m of file.municipalities) {
      const bare = m.name.replace(/\s*\(.*\)\s*$/, '');
      const segments = bare.split(/\s+-\s+/).map((s) => s.trim());
      const name = norwegianName(segments, m.brregName);
      const municipality: Municipality = {
        number: m.municipalityNumber,
        name,
        displayName: `${name} kommune`,
        names: segments,
        orgNumbers: m.orgNumber ? [m.orgNumber] : (m.orgNumberCandidates ?? []),
      };
      this.byNumber.set(municipality.number, municipality);
      for (const org of municipality.orgNumbers) push(this.byOrg, org, municipality);
      for (const n of segments) push(this.byName, foldName(n), municipality);
    }
  }

  get size(): number {
    return this.byNumber.size;
  }

  byMunicipalityNumber(number: string): Municipality | undefined {
    return this.byNumber.get(number);
  }

  /** Municipalities with this org number: one, or two where the register lists candidates. */
  byOrgNumber(org: string): Municipality[] {
    return this.byOrg.get(org) ?? [];
  }

  /** Municipalities called this ("Trondheim", "Trondheim kommune", "Tråante"); Herøy gives two. */
  byMunicipalityName(name: string): Municipality[] {
    const key = foldName(name)
      .replace(/\b(kommune|kommunen|suohkan|gielda|kunta|komuuni)\b/g, '')
      .trim();
    return this.byName.get(key) ?? [];
  }

  /** Every name form, longest first, for finding municipality names inside text. */
  allNames(): Array<{ name: string; municipality: Municipality }> {
    return [...this.byNumber.values()]
      .flatMap((m) => m.names.map((name) => ({ name, municipality: m })))
      .sort((a, b) => b.name.length - a.name.length);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Loads and validates a register file; a bad file is a configuration error naming the path. */
export function loadRegister(path: string): MunicipalityRegister {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`INTAKE_MUNICIPALITIES: cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = RegisterFile.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      `INTAKE_MUNICIPALITIES: ${path} is not a municipality register:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return new MunicipalityRegister(parsed.data);
}
