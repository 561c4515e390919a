import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { alias: [{ find: /^\.\.\/promql\/grafana-vars\.js$/, replacement: '/tmp/vt/grafana-vars-stub.ts' }] },
  test: { include: ['__tests__/**/*.test.ts'], testTimeout: 60_000 },
});
