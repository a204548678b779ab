import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app imports core by deep path (see packages/web/vite.config.ts).
const coreSrc = fileURLToPath(new URL('./packages/core/src/', import.meta.url));

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          environment: 'node',
          // A hang guard, not a time limit: property tests run thousands of cases, and on two
          // shared cores under load one took 5.6 s against the default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias: [{ find: /^@tocsin\/core\/(.+)$/, replacement: `${coreSrc}$1` }] },
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/{src,test}/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['packages/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['packages/web/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
