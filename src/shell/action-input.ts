// Reading action inputs that are not free text. A bad value fails the step with one line.

import * as core from '@actions/core';

export class InputError extends Error {}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InputError(`${name} must be true or false, not "${value}"`);
}
