import { Ajv, type ValidateFunction } from 'ajv';
import type { DocumentCheck, ModelCheck } from '../check.js';
import type { DocumentKind } from '../../model/types.js';
import { schemaFindings } from '../schema-findings.js';
import sloV1Schema from '../../../schemas/formats/slo-v1.schema.json' with { type: 'json' };
import flatPolicySchema from '../../../schemas/formats/flat-policy.schema.json' with { type: 'json' };
import slothSchema from '../../../schemas/formats/sloth.schema.json' with { type: 'json' };
import slothWindowsSchema from '../../../schemas/formats/sloth-windows.schema.json' with { type: 'json' };
import opensloSchema from '../../../schemas/formats/openslo.schema.json' with { type: 'json' };
import pyrraSchema from '../../../schemas/formats/pyrra.schema.json' with { type: 'json' };
import sloGeneratorSchema from '../../../schemas/formats/slo-generator.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
const schemas: Partial<Record<DocumentKind, { schema: object; label: string }>> = {
  'slo-policy': { schema: sloV1Schema, label: 'SLOPolicy' },
  'flat-policy': { schema: flatPolicySchema, label: 'policy' },
  sloth: { schema: slothSchema, label: 'Sloth spec' },
  'sloth-windows': { schema: slothWindowsSchema, label: 'AlertWindows' },
  openslo: { schema: opensloSchema, label: 'OpenSLO document' },
  pyrra: { schema: pyrraSchema, label: 'ServiceLevelObjective' },
  'slo-generator': { schema: sloGeneratorSchema, label: 'slo-generator document' },
};
// Compiling all schemas takes about half a second: only the formats a repository uses are compiled.
const validators = new Map<DocumentKind, { validate: ValidateFunction; label: string }>();
function validatorFor(kind: DocumentKind): { validate: ValidateFunction; label: string } | undefined {
  const entry = schemas[kind];
  if (entry && !validators.has(kind)) validators.set(kind, { validate: ajv.compile(entry.schema), label: entry.label });
  return validators.get(kind);
}

const meta = {
  id: 'policy/schema',
  severity: 'error',
  description: 'Missing or mistyped fields in an SLO document, checked against the format\'s JSON Schema.',
  docs: 'docs/checks/policy/schema.md',
  aboutSlo: true,
} as const;

export const policySchema: DocumentCheck = {
  meta: { ...meta, kind: 'document', documentKinds: Object.keys(schemas) as DocumentKind[] },
  run({ file, kind, doc }, context) {
    const validator = validatorFor(kind);
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
        context.report({ ...problem, subject: slo.name });
      }
    }
  },
};
