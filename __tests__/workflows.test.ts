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

/** ```yaml blocks of a Markdown file that are whole workflows (they have `on:` and `jobs:`). */
function markdownWorkflows(file: string): { name: string; content: string }[] {
  const full = path.join(root, file);
  if (!existsSync(full)) return [];
  const text = readFileSync(full, 'utf8');
  const blocks = [...text.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  return blocks
    .map((content, index) => ({ name: `${file} yaml block ${index + 1}`, content }))
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

  it('the release workflow moves the major tag only after dist/ and the version are checked', () => {
    const doc = parse(readFileSync(path.join(workflowDir, 'release.yml'), 'utf8'));
    expect(doc.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    const names = (doc.jobs.release.steps as { name?: string }[]).map((step) => step.name ?? '');
    const at = (name: string) => names.findIndex((candidate) => candidate.startsWith(name));
    expect(at('The tag is package.json')).toBeGreaterThan(-1);
    expect(at('dist/ is the bundle')).toBeGreaterThan(at('The tag is package.json'));
    expect(at('Move the major')).toBeGreaterThan(at('dist/ is the bundle'));
    expect(at('Create the release')).toBeGreaterThan(at('Move the major'));
  });

  it('ships the MIT license package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
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

describe('workflow snippets in the documentation', () => {
  it('docs/publishing.md shows the fork-safe workflow_run variant', () => {
    expect(markdownWorkflows('docs/publishing.md').some(({ content }) => /workflow_run:/.test(content))).toBe(true);
  });

  // README.md is checked whenever it has workflow snippets.
  const snippets = [...markdownWorkflows('README.md'), ...markdownWorkflows('docs/publishing.md')];
  it.each(snippets)('$name passes the GitHub workflow parser', ({ name, content }) => {
    expect(workflowErrors(name, content)).toEqual([]);
  });
});

describe('slo-gate steps in shipped workflows and snippets', () => {
  const inputs = Object.keys(parse(readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs);
  const sources = [
    ...workflows.map((name) => ({ name, content: readFileSync(path.join(workflowDir, name), 'utf8') })),
    ...markdownWorkflows('README.md'),
    ...markdownWorkflows('docs/publishing.md'),
  ];
  it.each(sources)('$name passes only inputs action.yml declares', ({ content }) => {
    const doc = parse(content) as { jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses === './' || /slo-gate@/.test(step.uses ?? '')) expect(inputs).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
      }
    }
  });
});
