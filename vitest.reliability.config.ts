import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: real processes, a PostgreSQL of the suite's own, a few minutes. Kept out
// of `npm test`, whose files run side by side; these run alone.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    pool: 'forks',
    reporters: process.env.CI ? ['default', 'hanging-process'] : ['default'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
