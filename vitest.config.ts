import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // maxWorkers stays vitest's default (cores - 1: one file at a time on two cores). Two at a
    // time took the suite from 573 s to 362 s, but three timing-bound tests (a killed bulk run, a
    // reader-thread time limit, a queue job's completion) then failed in two of three CI runs.

    // Installs Debian's Chromium for the browser tests where it is missing and the user is root.
    globalSetup: ['test/setup/chromium-install.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for what a browser page or a queue shows after an action; its default of
    // 1 s failed a browser test in CI while the machine was loaded (a correction's page took
    // longer to come back). A poll returns as soon as it holds, so passing tests do not slow down.
    expect: { poll: { timeout: 15_000 } },
  },
});
