/** The municipality register (shared/data/kommuner.json), read at generation time, and MOD11. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface RegisterEntry {
  municipalityNumber: string;
  name: string;
  orgNumber: string | null;
  brregName: string;
  orgNumberCandidates?: string[];
}

export interface Kommune {
  /** "<Name> kommune", the plain Norwegian name. */
  name: string;
  /** The plain name alone, e.g. "Trondheim". */
  plainName: string;
  orgNumber: string;
  municipalityNumber: string;
}

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The MOD11 check digit for the first eight digits, or null when it would be 10 (no valid number). */
export function checkDigit(first8: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * (WEIGHTS[i] as number);
  const r = sum % 11;
  if (r === 0) return 0;
  const c = 11 - r;
  return c === 10 ? null : c;
}

export function mod11Valid(org: string): boolean {
  if (!/^\d{9}$/.test(org)) return false;
  return checkDigit(org.slice(0, 8)) === Number(org[8]);
}

/** The same number with a wrong last digit (a typo that fails MOD11). */
export function breakCheckDigit(org: string): string {
  const last = Number(org[8]);
  const wrong = (last + 1) % 10;
  const broken = org.slice(0, 8) + String(wrong);
  if (mod11Valid(broken)) throw new Error(`could not break ${org}`);
  return broken;
}

export class Register {
  private readonly byNumber = new Map<string, RegisterEntry>();
  readonly orgNumbers = new Set<string>();

  constructor(file: string) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { municipalities: RegisterEntry[] };
    for (const m of data.municipalities) {
      this.byNumber.set(m.municipalityNumber, m);
      if (m.orgNumber) this.orgNumbers.add(m.orgNumber);
      for (const c of m.orgNumberCandidates ?? []) this.orgNumbers.add(c);
    }
  }

  /** Look a municipality up by number and check the plain name is one of its register names. */
  kommune(municipalityNumber: string, plainName: string): Kommune {
    const entry = this.byNumber.get(municipalityNumber);
    if (!entry) throw new Error(`kommunenummer ${municipalityNumber} not in the register`);
    const names = entry.name
      .replace(/\s*\(.*\)$/, '')
      .split(' - ')
      .map((s) => s.trim());
    if (!names.includes(plainName)) {
      throw new Error(`${municipalityNumber} is "${entry.name}", not ${plainName}`);
    }
    if (!entry.orgNumber) throw new Error(`${plainName} has no unambiguous org number in the register`);
    return {
      name: `${plainName} kommune`,
      plainName,
      orgNumber: entry.orgNumber,
      municipalityNumber,
    };
  }
}

export function defaultRegisterPath(repoRoot: string): string {
  return process.env.INTAKE_MUNICIPALITIES
    ? path.resolve(repoRoot, process.env.INTAKE_MUNICIPALITIES)
    : path.resolve(repoRoot, 'src/register/kommuner.json');
}
