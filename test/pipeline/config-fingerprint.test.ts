import { describe, expect, it } from 'vitest';
import { configChange, configFingerprint, type ConfigInputs } from '../../src/pipeline/config-fingerprint.ts';
import { DEFAULT_READ_LIMITS } from '../../src/read/limits.ts';

const inputs: ConfigInputs = {
  register: '{"municipalities":[]}',
  schemeFiles: [
    { name: 'b.json', content: '{"id":"b"}' },
    { name: 'a.json', content: '{"id":"a"}' },
  ],
  lowConfidenceThreshold: 0.6,
  limits: { ...DEFAULT_READ_LIMITS },
  ocrDpi: 300,
};

describe('the configuration fingerprint', () => {
  const base = configFingerprint(inputs);

  it('is the same for the same configuration, whatever order the scheme files are listed in', () => {
    expect(configFingerprint({ ...inputs, schemeFiles: [...inputs.schemeFiles].reverse() })).toEqual(base);
  });

  it('changes its check part, not its read part, with the register, a scheme file or the threshold', () => {
    const changed = [
      { ...inputs, register: '{"municipalities":[{"municipalityNumber":"3107"}]}' },
      { ...inputs, schemeFiles: [inputs.schemeFiles[0]!, { name: 'a.json', content: '{"id":"a","x":1}' }] },
      { ...inputs, schemeFiles: [inputs.schemeFiles[0]!] },
      { ...inputs, lowConfidenceThreshold: 0.7 },
    ].map(configFingerprint);
    for (const fingerprint of changed) {
      expect(fingerprint.read).toBe(base.read);
      expect(fingerprint.check).not.toBe(base.check);
    }
    expect(new Set(changed.map((f) => f.check)).size).toBe(changed.length);
  });

  it('changes its read part with a limit that changes a read result or the OCR resolution, not with the thread count', () => {
    const pages = configFingerprint({ ...inputs, limits: { ...inputs.limits, maxPages: 10 } });
    const dpi = configFingerprint({ ...inputs, ocrDpi: 200 });
    const threads = configFingerprint({ ...inputs, limits: { ...inputs.limits, readerThreads: 17 } });
    expect(pages.read).not.toBe(base.read);
    expect(dpi.read).not.toBe(base.read);
    expect(pages.check).toBe(base.check);
    expect(threads).toEqual(base);
  });
});

describe('configChange', () => {
  const current = { read: 'r1', check: 'c1' };

  it('reads again when the read part changed, checks again when only the check part did', () => {
    expect(configChange({ read: 'r0', check: 'c1' }, current)).toBe('read');
    expect(configChange({ read: 'r0', check: 'c0' }, current)).toBe('read');
    expect(configChange({ read: 'r1', check: 'c0' }, current)).toBe('check');
    expect(configChange({ read: 'r1', check: 'c1' }, current)).toBe('same');
  });

  it('checks a record of unknown configuration again, but does not read it again for that', () => {
    expect(configChange({ read: null, check: null }, current)).toBe('check');
    expect(configChange({ read: null, check: 'c1' }, current)).toBe('same');
  });
});
