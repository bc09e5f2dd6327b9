import { defineConfig } from "vitest/config";

// One config for every suite: engine, add-in (manifest, fakes) and later adapter/browser tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // Generous: the browser test builds with webpack and drives Chromium.
    testTimeout: 60000,
  },
});
