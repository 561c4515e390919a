import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's
    // ESM loader refuses; letting Vite transform the package makes the import work.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
