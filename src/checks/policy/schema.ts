import type { ValidateFunction } from 'ajv';
import { sloRef } from '../../model/slo-identity.js';
import type { DocumentCheck, ModelCheck } from '../check.js';
import type { DocumentKind } from '../../model/types.js';
import { schemaFindings } from '../schema-findings.js';
// Compiled from schemas/formats/ when the bundle is built (scripts/generate-validators.mjs).
import {
  validateFlatPolicy,
  validateOpenslo,
  validatePyrra,
  validateSloGenerator,
  validateSloPolicy,
  validateSloth,
  validateSlothWindows,
} from './validators.generated.cjs';

const validators: Partial<Record<DocumentKind, { validate: ValidateFunction; label: string }>> = {
  'slo-policy': { validate: validateSloPolicy, label: 'SLOPolicy' },
  'flat-policy': { validate: validateFlatPolicy, label: 'policy' },
  sloth: { validate: validateSloth, label: 'Sloth spec' },
  'sloth-windows': { validate: validateSlothWindows, label: 'AlertWindows' },
  openslo: { validate: validateOpenslo, label: 'OpenSLO document' },
  pyrra: { validate: validatePyrra, label: 'ServiceLevelObjective' },
  'slo-generator': { validate: validateSloGenerator, label: 'slo-generator document' },
};

const meta = {
  id: 'policy/schema',
  severity: 'error',
  description: 'Missing or mistyped fields in an SLO document, checked against the format\'s JSON Schema.',
  docs: 'docs/checks/policy/schema.md',
  aboutSlo: true,
} as const;

export const policySchema: DocumentCheck = {
  meta: { ...meta, kind: 'document', documentKinds: Object.keys(validators) as DocumentKind[] },
  run({ file, kind, doc }, context) {
    const validator = validators[kind];
    if (!validator || validator.validate(doc.value)) return;
    for (const finding of schemaFindings(validator.validate.errors, doc, file, validator.label)) context.report(finding);
  },
};

/**
 * The same check's second half, run on the model: what no single document shows, a reference to
 * a document in another file that does not exist. It shares the id, so `off` and a severity
 * override in the config apply to both halves, and the report lists the check once.
 */
export const policySchemaAcrossFiles: ModelCheck = {
  meta: { ...meta, kind: 'model' },
  run({ model }, context) {
    const reported = new Set<string>();
    for (const slo of model.slos) {
      for (const problem of slo.problems ?? []) {
        const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({ ...problem, subject: slo.name, slo: sloRef(slo) });
      }
    }
  },
};
