import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // vitest's default leaves a core free (cores - 1: one file at a time on two cores); most files
    // here wait on child processes, Chromium or the services, so one per core keeps both busy
    // (the whole suite on two idle cores: 573 s with one, 362 s with two).
    maxWorkers: Math.max(2, availableParallelism()),
    // Installs Debian's Chromium for the browser tests where it is missing and the user is root.
    globalSetup: ['test/setup/chromium-install.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
