import type { Settings } from '../config/settings.ts';
import type { PipelineContext } from '../pipeline/process-submission.ts';
import { loadRegister } from '../register/municipality-register.ts';
import { loadSchemes } from '../schemes/load-schemes.ts';

/**
 * What every pipeline command needs: the scheme files and the municipality register
 * (`INTAKE_MUNICIPALITIES`, or the one shipped with the project: lookups are always on).
 */
export function pipelineContext(settings: Settings): PipelineContext {
  return {
    schemes: loadSchemes(settings.schemesDir),
    register: loadRegister(settings.municipalitiesPath),
    lowConfidenceThreshold: settings.lowConfidenceThreshold,
  };
}
