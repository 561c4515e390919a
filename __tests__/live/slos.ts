// Hand-built SLOs for live-mode tests: the live module reads only the model, so these stand in
// for any format's SLOs (the engine-level tests read Sloth files instead).

import { mergeConfig } from '../../src/config/config.js';
import { linkModel } from '../../src/link/link.js';
import type { LinkedModel } from '../../src/link/types.js';
import { emptyModel, type Indicator, type Slo } from '../../src/model/types.js';

export const DAY = 86_400;

export function slo(name: string, indicator: Partial<Indicator>, extra: Partial<Slo> = {}): Slo {
  return {
    key: `slos.yml#${name}`,
    name,
    format: 'sloth',
    file: 'slos.yml',
    position: { line: 3, column: 5 },
    target: 0.999,
    periodSeconds: 30 * DAY,
    periodKind: 'rolling',
    indicator: { type: 'ratio', metrics: [], ...indicator },
    burnWindows: [],
    declaredBudget: {},
    declaresBurnAlerting: true,
    dashboardRefs: [],
    baseDir: '',
    labels: {},
    ...extra,
  };
}

/** Sloth-style events SLI for one synthetic service: 5xx over all requests. */
export function eventsSlo(service: string, extra: Partial<Slo> = {}): Slo {
  return slo(
    service,
    {
      errorQuery: `sum(rate(http_requests_total{service="${service}",code=~"5.."}[{{.window}}]))`,
      totalQuery: `sum(rate(http_requests_total{service="${service}"}[{{.window}}]))`,
    },
    extra,
  );
}

/** A model of just these SLOs, linked as the engine would link it (live mode reads a LinkedModel). */
export function modelOf(...slos: Slo[]): LinkedModel {
  const model = emptyModel('/nowhere');
  model.slos.push(...slos);
  return linkModel(model, mergeConfig());
}

/** A Sloth SLO (one `slos:` item) whose SLI reads the synthetic `http_requests_total{service}` of the Prometheus fixture. */
export function slothSlo(service: string, alerting = false): string {
  return `  - name: ${service}
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{service="${service}",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{service="${service}"}[{{.window}}]))
    alerting:
      name: ${service}Burn
      page_alert:
        disable: ${!alerting}
      ticket_alert:
        disable: ${!alerting}
`;
}
