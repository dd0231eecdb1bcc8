import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real SMTP servers and the built app: give them time on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
