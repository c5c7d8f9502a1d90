/** Field names as a case officer reads them: from the field registry (src/domain/fields.ts). */
export { fieldName } from '../domain/fields.ts';
