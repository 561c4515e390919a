import type { ModelCheck } from '../check.js';
import type { DatasourceRef, Dashboard } from '../../model/types.js';
import { dashboardName, panelName } from './queries.js';

// Grafana's built-in pseudo datasources exist on every instance.
const PSEUDO = new Set(['-- Mixed --', '-- Dashboard --', '-- Grafana --', 'grafana', 'default']);
const VARIABLE = /^\$(\{([A-Za-z0-9_]+)(:[^}]*)?\}|([A-Za-z0-9_]+))$|^\[\[([A-Za-z0-9_]+)\]\]$/;

export const dashboardDatasource: ModelCheck = {
  meta: {
    id: 'dashboard/datasource',
    severity: 'warning',
    kind: 'model',
    description: 'A panel or target pointing at a hard-coded datasource (uid or name) instead of a datasource variable, or at a variable the dashboard does not declare.',
    docs: 'docs/checks/dashboard/datasource.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        const refs: [DatasourceRef | undefined, string][] = [[panel.datasource, panelName(panel)]];
        for (const target of panel.targets) refs.push([target.datasource, `${panelName(panel)}, target ${target.refId ?? ''}`.trim()]);
        for (const [ref, where] of refs) {
          const problem = ref && problemOf(ref, dashboard);
          if (!problem) continue;
          context.report({ file: dashboard.file, ...ref.position, subject: `${dashboardName(dashboard)}/${where}`, message: `${where}: ${problem}` });
        }
      }
    }
  },
};

function problemOf(ref: DatasourceRef, dashboard: Dashboard): string | undefined {
  const value = ref.uid ?? ref.name;
  if (value === undefined || value === '' || PSEUDO.has(value)) return undefined;
  const variable = VARIABLE.exec(value);
  if (variable) {
    const name = variable[2] ?? variable[4] ?? variable[5];
    // Exported dashboards name their inputs ${DS_X} in __inputs, which the model does not keep.
    if (dashboard.variables.some((v) => v.name === name) || name.startsWith('DS_') || name.startsWith('__')) return undefined;
    return `datasource variable "${value}" is not declared in the dashboard's templating`;
  }
  return `datasource ${ref.uid !== undefined ? 'uid' : 'name'} "${value}" is hard-coded: it exists only on the Grafana instance the dashboard was exported from; use a datasource variable such as \${datasource}`;
}
