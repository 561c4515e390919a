/**
 * Real-Prometheus test support (no mocks).
 *
 * The logic lives in plain ESM under `scripts/lib/` so that
 * `scripts/live-server.mjs` can use it without a build step; this module
 * re-exports it with types (from the generated `.d.mts` files) and adds a
 * couple of vitest conveniences.
 *
 * Typical use (one server per test file):
 *
 *   const env = await ensurePrometheus();
 *   skipNoticeIfUnavailable(env);            // an it.skip whose title carries the reason
 *   describe.skipIf(!env.available)('…', () => {
 *     let prom: RunningPrometheus;
 *     beforeAll(async () => { prom = await startPrometheus({ series: standardScenarios() }); });
 *     afterAll(() => prom?.stop());
 *     it('…', async () => { const [r] = await prom.query(errorRatioQuery('healthy', '30d')); … });
 *   });
 *
 * Query at `prom.now` (the default of `prom.query`) for exact answers; see
 * `scripts/lib/prometheus-scenarios.mjs` for the scenario arithmetic.
 */
import { it } from 'vitest';
import type { PrometheusEnv } from '../../scripts/lib/prometheus-fixture.mjs';

export * from '../../scripts/lib/prometheus-fixture.mjs';
export * from '../../scripts/lib/prometheus-scenarios.mjs';

/** Human-readable reason a Prometheus-backed suite is skipped, or undefined when it runs. */
export function prometheusSkipReason(env: PrometheusEnv): string | undefined {
  return env.available ? undefined : `real Prometheus unavailable: ${env.reason}`;
}

/**
 * Makes the skip reason visible: registers an `it.skip` whose title is the
 * reason (listed by the verbose reporter and in JSON/JUnit reports) and prints
 * it to stderr (shown by the default reporter). A bare `describe.skipIf` would
 * only show "n skipped".
 * Call it at the top level of a test file, next to `describe.skipIf(!env.available)`.
 */
export function skipNoticeIfUnavailable(env: PrometheusEnv): void {
  const reason = prometheusSkipReason(env);
  if (!reason) return;
  it.skip(`SKIPPED — ${reason}`, () => {});
  // The default reporter only prints skipped titles with --reporter=verbose; a
  // console line during collection is shown by every reporter.
  console.warn(`[prometheus harness] SKIPPED — ${reason}`);
}
