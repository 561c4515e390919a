// Every workflow we ship, the action metadata and the README's workflow snippets must pass GitHub's
// own parser (@actions/workflow-parser), so a user who copies them gets a workflow that loads.

import { parseWorkflow, NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const trace = new NoOperationTraceWriter();

function workflowErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, trace);
  return result.context.errors.getErrors().map((error) => error.message);
}

const workflowDir = path.join(root, '.github', 'workflows');
const workflows = existsSync(workflowDir) ? readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name)) : [];

/** ```yaml blocks of the README that are whole workflows (they have `on:` and `jobs:`). */
function readmeWorkflows(): { name: string; content: string }[] {
  const readme = path.join(root, 'README.md');
  if (!existsSync(readme)) return [];
  const text = readFileSync(readme, 'utf8');
  const blocks = [...text.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  return blocks
    .map((content, index) => ({ name: `README.md yaml block ${index + 1}`, content }))
    .filter(({ content }) => /^on:/m.test(content) && /^jobs:/m.test(content));
}

describe('shipped workflows', () => {
  it('includes the SLO check example and CI', () => {
    expect(workflows).toEqual(expect.arrayContaining(['slo-check.yml', 'ci.yml']));
  });

  it.each(workflows)('%s passes the GitHub workflow parser', (name) => {
    expect(workflowErrors(name, readFileSync(path.join(workflowDir, name), 'utf8'))).toEqual([]);
  });

  it('the example runs this action on every trigger the issue names, with least privilege', () => {
    const doc = parse(readFileSync(path.join(workflowDir, 'slo-check.yml'), 'utf8'));
    expect(Object.keys(doc.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(doc.on.schedule).toEqual([{ cron: '*/30 * * * *' }]);
    expect(doc.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write' });
    const steps = doc.jobs.slo.steps as { uses?: string }[];
    expect(steps.some((step) => step.uses === './')).toBe(true);
  });

  it('the parser does reject a broken workflow (the check above can fail)', () => {
    expect(workflowErrors('broken.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        wiht: {}\n')).not.toEqual([]);
  });
});

describe('action.yml', () => {
  it('passes the GitHub action metadata parser', () => {
    const result = parseAction({ name: 'action.yml', content: readFileSync(path.join(root, 'action.yml'), 'utf8') }, trace);
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
  });
});

describe('README workflow snippets', () => {
  const snippets = readmeWorkflows();
  it.runIf(snippets.length > 0).each(snippets)('$name passes the GitHub workflow parser', ({ name, content }) => {
    expect(workflowErrors(name, content)).toEqual([]);
  });
});
