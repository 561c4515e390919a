import { Ajv, type ValidateFunction } from 'ajv';
import type { Check } from '../check.js';
import type { DocumentKind } from '../../model/types.js';
import { schemaFindings } from '../schema-findings.js';
import sloV1Schema from '../../../schemas/formats/slo-v1.schema.json' with { type: 'json' };
import flatPolicySchema from '../../../schemas/formats/flat-policy.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
const validators: Partial<Record<DocumentKind, { validate: ValidateFunction; label: string }>> = {
  'slo-policy': { validate: ajv.compile(sloV1Schema), label: 'SLOPolicy' },
  'flat-policy': { validate: ajv.compile(flatPolicySchema), label: 'policy' },
};

export const policySchema: Check = {
  id: 'policy/schema',
  severity: 'error',
  description: 'Missing or mistyped fields in an SLO document, checked against the format\'s JSON Schema.',
  documentKinds: Object.keys(validators) as DocumentKind[],
  checkDocument({ file, kind, doc }, context) {
    const validator = validators[kind];
    if (!validator || validator.validate(doc.value)) return;
    for (const finding of schemaFindings(validator.validate.errors, doc, file, validator.label)) context.report(finding);
  },
};
