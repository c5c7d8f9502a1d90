import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The municipality register shipped with the project (README "Kommuneregisteret"): the default of
 * `INTAKE_MUNICIPALITIES`, and what `intake register update` refreshes when no `--out` is given.
 */
export const BUNDLED_REGISTER_PATH = join(dirname(fileURLToPath(import.meta.url)), 'kommuner.json');
