import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Installs Debian's Chromium for the browser tests where it is missing and the user is root.
    globalSetup: ['test/setup/chromium-install.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
