import { defineConfig } from 'vitest/config';

// One config for every suite: engine, add-in (manifest, fakes) and later adapter/browser tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // Generous: the browser test builds with webpack and drives Chromium.
    testTimeout: 60000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
