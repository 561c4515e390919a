import type { ModelCheck } from '../check.js';
import type { Rule } from '../../model/types.js';

export const ruleDuplicate: ModelCheck = {
  meta: {
    id: 'rule/duplicate',
    severity: 'warning',
    kind: 'model',
    description: 'Two alerting rules with the same name and static labels, or two recording rules with the same name and labels, anywhere in the repository.',
    docs: 'docs/checks/rule/duplicate.md',
  },
  run({ model }, context) {
    // Same name and labels means the same series (or alert identity): the two rules overwrite each
    // other's results, or Alertmanager cannot tell their notifications apart.
    const first = new Map<string, Rule>();
    // Alert name → the file that first defines it, for the same name reused in another file.
    const alertFiles = new Map<string, Rule>();
    for (const rule of model.rules) {
      if (rule.name === '') continue;
      // Label names sort by UTF-16 code units, as `<` compares them. The key lists kind, name and
      // each label's name and value in one flat array: no array per label for every rule.
      const labelNames = Object.keys(rule.labels).sort();
      const keyParts: string[] = [rule.kind, rule.name];
      for (const name of labelNames) keyParts.push(name, rule.labels[name].value);
      const key = JSON.stringify(keyParts);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, rule);
        // Tiers of one alert (severity warning and critical) live side by side in one file; the
        // same name for another alert in another file makes silences and routes on alertname
        // catch both.
        const namesake = rule.kind === 'alert' ? alertFiles.get(rule.name) : undefined;
        if (namesake && namesake.file !== rule.file && namesake.expr.text.trim() !== rule.expr.text.trim()) {
          context.report({
            file: rule.file,
            ...rule.namePosition,
            severity: 'notice',
            subject: `${rule.group}/${rule.name}`,
            message: `alert "${rule.name}" is also the name of another alert, with other labels and expression, at ${namesake.file}:${namesake.namePosition.line}; silences, inhibitions and routes that match alertname catch both`,
          });
        } else if (rule.kind === 'alert' && !namesake) alertFiles.set(rule.name, rule);
        continue;
      }
      // One group recording a series from several queries (`code=~"2.."`, `code=~"5.."`) is a
      // deliberate split: each query yields different series of the one name.
      if (rule.kind === 'record' && rule.file === earlier.file && rule.group === earlier.group && rule.expr.text.trim() !== earlier.expr.text.trim()) continue;
      const labelText = labelNames.length ? ` and labels {${labelNames.map((name) => `${name}="${rule.labels[name].value}"`).join(', ')}}` : ' and no labels';
      const where = earlier.file === rule.file ? `line ${earlier.namePosition.line}` : `${earlier.file}:${earlier.namePosition.line}`;
      context.report({
        file: rule.file,
        ...rule.namePosition,
        subject: `${rule.group}/${rule.name}`,
        message: `${rule.kind === 'alert' ? 'alerting' : 'recording'} rule "${rule.name}" with the same name${labelText} is already defined at ${where} (group "${earlier.group}")`,
      });
    }
  },
};
