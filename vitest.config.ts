import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real processes for minutes: `npm run test:reliability` (vitest.reliability.config.ts).
    exclude: ['test/reliability/**', 'node_modules/**'],
    // Finds PostgreSQL and Chromium, or provides them (a private server, a packaged browser).
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files create their own databases and ports, so they can run side by side.
    fileParallelism: true,
  },
});
