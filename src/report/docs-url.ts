// Where the checks' docs pages are read: each check's metadata names its page as a repository path
// (docs/checks/policy/target-min.md); reports link it joined to a base URL. The action's default is
// the repository and ref the action itself runs from, so a finding links the page of the version
// that produced it; forks and mirrors set `docs-base-url` (CLI `--docs-base-url`). Without either,
// the product's own repository at main.

import packageJson from '../../package.json' with { type: 'json' };

/** The product's canonical repository (package.json `repository`), without `.git`. */
export const CANONICAL_REPOSITORY: string = repositoryUrl(packageJson as { repository?: unknown; homepage?: unknown });

export const CANONICAL_DOCS_BASE_URL = `${CANONICAL_REPOSITORY}/blob/main`;

/** The docs base for a run inside Actions: the action's repository at its ref, when the runner says. */
export function defaultDocsBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const repository = env.GITHUB_ACTION_REPOSITORY?.trim();
  const ref = env.GITHUB_ACTION_REF?.trim();
  // Both are empty for a local action (`uses: ./`): the checkout is the repository under check, not the product.
  if (repository && ref && /^[\w.-]+\/[\w.-]+$/.test(repository)) {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    return `${server}/${repository}/blob/${ref.split('/').map(encodeURIComponent).join('/')}`;
  }
  return CANONICAL_DOCS_BASE_URL;
}

/** A docs page's URL: its repository path joined to the base, each segment percent-encoded. */
export function docsUrl(base: string, docsPath: string): string {
  return `${base.replace(/\/+$/, '')}/${docsPath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

/** Validates a docs base URL given as an input or flag: http(s) only, as it ends up in links. */
export function parseDocsBaseUrl(text: string, fail: (message: string) => Error): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw fail(`docs-base-url must be an http(s) URL, not "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(`docs-base-url must be an http(s) URL, not "${text}"`);
  return url.toString().replace(/\/+$/, '');
}

function repositoryUrl(pkg: { repository?: unknown; homepage?: unknown }): string {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository as { url?: unknown } | undefined)?.url;
  const text = typeof repository === 'string' ? repository : typeof pkg.homepage === 'string' ? pkg.homepage : 'https://github.com/slo-gate/slo-gate';
  return text.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}
