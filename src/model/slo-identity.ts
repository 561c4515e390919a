// What makes an SLO the SLO it is, in every format: its name within the scope the format names
// it in. Sloth, OpenSLO (spec.service), slo-generator (service_name) and the flat policy give a
// service, Pyrra the Kubernetes namespace; the seed's SLOPolicy gives none, and its names are
// compared as they are (two of them with one name are duplicates, as policy/duplicate says).
// Sloth's own example name `requests-availability` in two services is two SLOs, not one.

import type { Slo } from './types.js';

/** The SLO a finding is about: its identity, and the file that defines it (duplicates of one identity are told apart by it). */
export interface SloRef {
  name: string;
  service?: string;
  file: string;
}

export function sloRef(slo: Pick<Slo, 'name' | 'service' | 'file'>): SloRef {
  return slo.service === undefined ? { name: slo.name, file: slo.file } : { name: slo.name, service: slo.service, file: slo.file };
}

/** The identity as a map key: SLOs with the same one are duplicates of each other. */
export function sloIdentityKey(slo: Pick<Slo, 'name' | 'service'>): string {
  return `${slo.service ?? ''}\u0000${slo.name}`;
}

/** The identity as people write it: `service/name`, or the name of an SLO without a service (as `slo-links` accepts it). */
export function sloIdentity(slo: Pick<Slo, 'name' | 'service'>): string {
  return slo.service === undefined ? slo.name : `${slo.service}/${slo.name}`;
}

/**
 * How findings name SLOs in one run: by name, and as `service/name` where SLOs of different
 * identities share the name. Duplicates of one identity do not count as sharing it.
 */
export function sloNaming(slos: readonly Slo[]): (slo: Pick<Slo, 'name' | 'service'>) => string {
  const identities = new Map<string, Set<string>>();
  for (const slo of slos) {
    const keys = identities.get(slo.name);
    if (keys) keys.add(sloIdentityKey(slo));
    else identities.set(slo.name, new Set([sloIdentityKey(slo)]));
  }
  return (slo) => ((identities.get(slo.name)?.size ?? 0) > 1 ? sloIdentity(slo) : slo.name);
}
