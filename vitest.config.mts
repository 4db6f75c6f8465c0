import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // CLI tests build and spawn the tool in their hooks: generous on a loaded 2-core machine.
    hookTimeout: 120_000,
  },
});
