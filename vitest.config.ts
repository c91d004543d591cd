import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real processes for minutes: `npm run test:reliability` (vitest.reliability.config.ts).
    exclude: ['test/reliability/**', 'node_modules/**'],
    // Finds PostgreSQL and Chromium, or provides them (a private server, a packaged browser).
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    // In CI, a run that will not end says what keeps it alive (open handles, timers, sockets).
    reporters: process.env.CI ? ['default', 'hanging-process'] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files create their own databases and ports, so they can run side by side.
    fileParallelism: true,
    // Vitest's default (one fork per core but one) runs the files one at a time on 2 cores, yet most
    // of a file's time is waiting on PostgreSQL, child processes and HTTP: two side by side took the
    // suite from 808 s to 587 s on the 2-core CI machine, with every test passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
