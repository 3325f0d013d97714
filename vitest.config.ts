import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Process tests start the real server: the default (SQLite) start in the SQLite run, DATABASE_URL in the PostgreSQL run.
    exclude: [
      'test/e2e/**',
      'node_modules/**',
      ...(process.env.TEST_DB === 'postgres'
        ? ['test/process/server.test.ts']
        : ['test/process/server-postgres.test.ts', 'test/process/live-two-processes.test.ts']),
    ],
    globalSetup: ['test/support/pg-global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
