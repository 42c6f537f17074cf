import { defineConfig } from 'vitest/config';

// better-sqlite3 13 is Node-API 10: on an older Node it crashes rather than failing cleanly.
if (Number(process.versions.napi) < 10) {
  throw new Error(
    `Disclose's tests need Node >= 22.14 (this is Node ${process.versions.node}). ` +
      'Run them via "npm test", which uses the Node shipped in node_modules, or install Node >= 22.14.',
  );
}

export default defineConfig({
  test: {
    // CI reads its summary from the JSON report (.ci/run); people read the default reporter.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
