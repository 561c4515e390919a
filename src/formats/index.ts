// Every format the product reads. Order matters only where shapes overlap: the first adapter that
// recognises a document normalises it.

import type { FormatAdapter } from './adapter.js';
import { flatPolicy } from './flat-policy.js';
import { monitoringConfigMap } from './configmap.js';
import { grafanaDashboard } from './grafana.js';
import { openslo } from './openslo.js';
import { lokiOperatorRule, prometheusRule, ruleFile } from './prometheus-rules.js';
import { pyrra } from './pyrra.js';
import { seedPolicy } from './seed-policy.js';
import { sloGenerator } from './slo-generator.js';
import { sloth, slothAlertWindows } from './sloth.js';

export const FORMAT_ADAPTERS: readonly FormatAdapter[] = [
  seedPolicy,
  flatPolicy,
  sloth,
  slothAlertWindows,
  openslo,
  pyrra,
  sloGenerator,
  ruleFile,
  prometheusRule,
  lokiOperatorRule,
  grafanaDashboard,
  monitoringConfigMap,
];
