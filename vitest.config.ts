import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Integration tests start real SMTP servers and the built app: give them time on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Most of an integration test is waiting (for a server process, an SMTP reply, a
    // timeout): twice as many workers as cores keeps both cores busy (measured on 2 cores:
    // 92 s with 2 workers, 62 s with 4).
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Unit tests share no state through modules (no mocks, no globals): one module
          // graph per worker instead of one per file saves most of the import time.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
        },
      },
    ],
  },
});
