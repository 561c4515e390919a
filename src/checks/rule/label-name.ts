import type { DocumentCheck } from '../check.js';
import type { PathSegment } from '../../parse/document.js';
import { isRecord, list, record } from '../../formats/values.js';
import { rawRules, ruleLabel } from './raw-rules.js';
import { LEGACY_LABEL_NAME } from '../../model/types.js';

export const ruleLabelName: DocumentCheck = {
  meta: {
    id: 'rule/label-name',
    severity: 'error',
    kind: 'document',
    description: 'Label or annotation names Prometheus rejects (empty, `__name__` as a label), and UTF-8 names only Prometheus 3 accepts (warning).',
    docs: 'docs/checks/rule/label-name.md',
    documentKinds: ['rule-file', 'prometheus-rule'],
  },
  run({ file, kind, doc }, context) {
    const checkNames = (where: string, mapPath: PathSegment[], map: unknown, what: 'label' | 'annotation') => {
      if (!isRecord(map)) return;
      for (const name of Object.keys(map)) {
        const at = () => ({ file, ...doc.keyPositionOf([...mapPath, name]), subject: `${where}/${what}/${name}` });
        if (name === '' || (what === 'label' && name === '__name__')) {
          context.report({ ...at(), message: `${where}: invalid ${what} name: ${name === '' ? '(empty)' : name}` });
        } else if (!LEGACY_LABEL_NAME.test(name)) {
          context.report({
            ...at(),
            severity: 'warning',
            message: `${where}: ${what} name "${name}" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file`,
          });
        }
      }
    };
    const groupsPath: PathSegment[] = kind === 'prometheus-rule' ? ['spec', 'groups'] : ['groups'];
    const groups = kind === 'prometheus-rule' ? record(record(doc.value).spec).groups : record(doc.value).groups;
    list(groups).forEach((group, g) => {
      const name = record(group).name;
      checkNames(`group "${typeof name === 'string' ? name : ''}"`, [...groupsPath, g, 'labels'], record(group).labels, 'label');
    });
    for (const rule of rawRules(kind, doc.value)) {
      checkNames(ruleLabel(rule), [...rule.path, 'labels'], rule.value.labels, 'label');
      if (rule.kind === 'alert') checkNames(ruleLabel(rule), [...rule.path, 'annotations'], rule.value.annotations, 'annotation');
    }
  },
};
