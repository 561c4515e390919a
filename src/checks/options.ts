// The `.slo-gate.yml` keys a check reads, described by the config's own JSON schema: one source
// for what a key accepts, so a check's metadata never disagrees with what the config validates.

import configSchema from '../../schemas/config.schema.json' with { type: 'json' };

/** `keys` as written in `.slo-gate.yml`, nested ones dotted (`alerts.required-labels`), each with its schema. */
export function configOptions(...keys: string[]): Record<string, object> {
  return Object.fromEntries(keys.map((key) => [key, schemaOf(key)]));
}

function schemaOf(key: string): object {
  let schema: { properties?: Record<string, unknown> } = configSchema;
  for (const part of key.split('.')) {
    const next = schema.properties?.[part];
    // A typo here would describe nothing: fail when the registry loads, not in a user's run.
    if (!next) throw new Error(`config key ${key} is not in schemas/config.schema.json`);
    schema = next as typeof schema;
  }
  return schema;
}
