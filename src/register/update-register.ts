import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { IntakeError } from '../errors.ts';
import type { RegisterFile } from './municipality-register.ts';

/** Statistics Norway's classification 131 (municipalities) in force on a date. */
export const SSB_URL = (date: string) =>
  `https://data.ssb.no/api/klass/v1/classifications/131/codesAt.json?date=${date}`;
/** The Central Coordinating Register's units of organisational form KOMM (municipalities). */
export const BRREG_URL =
  'https://data.brreg.no/enhetsregisteret/api/enheter?organisasjonsform=KOMM&size=1000';

const SsbCodes = z.object({ codes: z.array(z.object({ code: z.string(), name: z.string() })) });
const BrregUnits = z.object({
  _embedded: z.object({
    enheter: z.array(
      z.object({
        organisasjonsnummer: z.string(),
        navn: z.string(),
        forretningsadresse: z.object({ kommunenummer: z.string().optional() }).optional(),
        postadresse: z.object({ kommunenummer: z.string().optional() }).optional(),
      }),
    ),
  }),
});

/**
 * Joins the two registers: each municipality number gets the KOMM unit whose address lies in
 * it; where several do (or none), the candidates are listed and orgNumber stays null.
 */
export function joinRegisters(ssb: unknown, brreg: unknown, date: string): RegisterFile {
  const codes = SsbCodes.parse(ssb).codes.filter((c) => /^\d{4}$/.test(c.code) && c.code !== '9999');
  const units = BrregUnits.parse(brreg)._embedded.enheter;
  const municipalities = codes.map((c) => {
    const matches = units.filter(
      (u) => (u.forretningsadresse?.kommunenummer ?? u.postadresse?.kommunenummer) === c.code,
    );
    const entry: RegisterFile['municipalities'][number] = {
      municipalityNumber: c.code,
      name: c.name,
      orgNumber: matches.length === 1 ? matches[0]!.organisasjonsnummer : null,
    };
    if (matches.length === 1) entry.brregName = matches[0]!.navn;
    if (matches.length > 1) entry.orgNumberCandidates = matches.map((m) => m.organisasjonsnummer);
    return entry;
  });
  return {
    about: `Norwegian municipalities in force on ${date}: number and name from Statistics Norway classification 131, organisation number from the Central Coordinating Register (organisational form KOMM). Public data (NLOD).`,
    municipalities,
  };
}

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new IntakeError(`kunne ikke hente ${url}: ${(err as Error).message}`, 'REGISTER_FETCH');
  }
  if (!res.ok) throw new IntakeError(`${url} svarte ${res.status}`, 'REGISTER_FETCH');
  return res.json();
}

/** Fetches both public registers and writes the joined register file; returns the count. */
export async function updateRegister(outFile: string, today = new Date()): Promise<number> {
  const date = today.toISOString().slice(0, 10);
  const [ssb, brreg] = await Promise.all([fetchJson(SSB_URL(date)), fetchJson(BRREG_URL)]);
  const register = joinRegisters(ssb, brreg, date);
  await writeFile(outFile, `${JSON.stringify(register, null, 1)}\n`);
  return register.municipalities.length;
}
