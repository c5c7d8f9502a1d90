/** Route parameters as they may look; anything else is refused with 400 before a handler runs. */
const PARAM_RULES: Record<string, { pattern: RegExp; message: string }> = {
  id: { pattern: /^[A-Za-z0-9_-]{1,128}$/, message: 'Ugyldig id.' },
  pos: { pattern: /^\d{1,4}$/, message: 'Ugyldig dokumentnummer.' },
  page: { pattern: /^[1-9]\d{0,4}$/, message: 'Ugyldig sidenummer.' },
  rid: { pattern: /^[1-9]\d{0,15}$/, message: 'Ugyldig avgjørelse.' },
  cid: { pattern: /^[1-9]\d{0,15}$/, message: 'Ugyldig retting.' },
  fid: { pattern: /^[1-9]\d{0,15}$/, message: 'Ugyldig filter.' },
  username: { pattern: /^[\w.@-]{1,64}$/, message: 'Ugyldig brukernavn.' },
};

/** The Norwegian message for the first bad route parameter, or null when all are fine. */
export function badParams(params: Record<string, unknown> | undefined): string | null {
  if (!params) return null;
  for (const [name, rule] of Object.entries(PARAM_RULES)) {
    if (!Object.hasOwn(params, name)) continue;
    const value = params[name];
    if (typeof value !== 'string' || !rule.pattern.test(value)) return rule.message;
  }
  return null;
}

const MESSAGES: Record<number, string> = {
  400: 'Ugyldig forespørsel: sjekk feltene og verdiene.',
  401: 'Du må logge inn.',
  403: 'Du har ikke tilgang.',
  404: 'Finnes ikke.',
  405: 'Metoden er ikke tillatt her.',
  406: 'Formatet kan ikke leveres.',
  408: 'Forespørselen tok for lang tid.',
  409: 'Konflikt med en annen endring. Last siden på nytt.',
  413: 'Forespørselen er for stor.',
  414: 'Adressen er for lang.',
  415: 'Ukjent innholdstype.',
  429: 'For mange forespørsler. Vent litt og prøv igjen.',
};

/** A reviewer's message for an error status from Fastify or a plugin (whose own text is English). */
export function publicErrorMessage(status: number): string {
  if (status >= 500) return 'Noe gikk galt.';
  return MESSAGES[status] ?? 'Forespørselen kunne ikke behandles.';
}
