import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchemeFile } from '../../src/schemes/load-schemes.ts';
import { schemes } from '../support/rule-fixtures.ts';

const file = join(import.meta.dirname, '../../schemes/tryggest.json');
const withCodes = (codes: unknown) => {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  json.fourEyes.codes = codes;
  return JSON.stringify(json);
};

describe('the four-eyes list in a scheme file', () => {
  it('names OVER_CAP and INELIGIBLE_APPLICANT in every scheme', () => {
    for (const scheme of schemes) {
      expect(scheme.fourEyes.codes, scheme.id).toEqual(
        expect.arrayContaining(['OVER_CAP', 'INELIGIBLE_APPLICANT']),
      );
    }
  });

  it('stops a scheme that drops one of them, or names an unknown code', () => {
    expect(() => parseSchemeFile(file, withCodes(['OVER_CAP']))).toThrow(
      /must include OVER_CAP and INELIGIBLE_APPLICANT/,
    );
    expect(() => parseSchemeFile(file, withCodes(['OVER_CAP', 'INELIGIBLE_APPLICANT', 'OVER_KAP']))).toThrow(
      /fourEyes/,
    );
    expect(
      parseSchemeFile(file, withCodes(['OVER_CAP', 'INELIGIBLE_APPLICANT', 'LATE_SUBMISSION'])).fourEyes
        .codes,
    ).toContain('LATE_SUBMISSION');
  });
});
