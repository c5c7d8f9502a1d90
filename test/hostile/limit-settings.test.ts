import { describe, expect, it } from 'vitest';

import { loadSettings } from '../../src/config/settings.ts';
import { DEFAULT_READ_LIMITS } from '../../src/read/limits.ts';

describe('read limits from the environment', () => {
  it('defaults to DEFAULT_READ_LIMITS', () => {
    expect(loadSettings({}).readLimits).toEqual(DEFAULT_READ_LIMITS);
  });

  it('turns each INTAKE_ limit variable into its read limit', () => {
    const limits = loadSettings({
      INTAKE_MAX_FILE_MB: '10',
      INTAKE_MAX_PAGES: '50',
      INTAKE_MAX_PAGE_MEGAPIXELS: '40',
      INTAKE_MAX_CELLS: '20000',
      INTAKE_MAX_TEXT_CHARS: '5000000',
      INTAKE_MAX_ARCHIVE_ENTRIES: '500',
      INTAKE_MAX_COMPRESSION_RATIO: '100',
      INTAKE_READ_TIMEOUT_S: '30',
      INTAKE_READ_MEMORY_MB: '512',
      INTAKE_READ_THREADS: '1',
    }).readLimits;
    expect(limits).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      maxPages: 50,
      maxPagePixels: 40_000_000,
      maxCells: 20_000,
      maxTextChars: 5_000_000,
      maxEntries: 500,
      maxCompressionRatio: 100,
      timeoutMs: 30_000,
      maxHeapMb: 512,
      readerThreads: 1,
    });
  });

  it('stops at a bad value, naming every bad variable', () => {
    expect(() => loadSettings({ INTAKE_MAX_PAGES: '0', INTAKE_READ_TIMEOUT_S: 'lenge' })).toThrow(
      /INTAKE_MAX_PAGES[\s\S]*INTAKE_READ_TIMEOUT_S/,
    );
  });
});
