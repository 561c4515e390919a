// Secrets slo-gate holds (backend header values, URL credentials, the Basic credential built from
// them, the GitHub token) must not reach anything it writes. The runner masks registered secrets
// in its logs only; the report files, the job summary and the PR comment are written by slo-gate,
// so it scrubs them itself: every text that could carry a secret passes through a Scrubber.
//
// A secret is also removed in the forms a backend or a proxy echoes it in: percent-encoded, the
// credential after an auth scheme (`Bearer <token>`), and for Basic both the base64 and the
// decoded `user:password` and password. Values shorter than MIN_SECRET_LENGTH are not scrubbed:
// replacing every "1" or "eu" in a report would garble it, and so short a value protects nothing.

export const MIN_SECRET_LENGTH = 4;
export const REDACTED = '***';

export class Scrubber {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers a secret and the forms it is echoed in. */
  add(secret: string): void {
    for (const form of formsOf(secret)) {
      if (form.length >= MIN_SECRET_LENGTH && !this.secrets.has(form)) {
        this.secrets.add(form);
        this.pattern = undefined;
      }
    }
  }

  get empty(): boolean {
    return this.secrets.size === 0;
  }

  scrub(text: string): string {
    if (this.secrets.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    // Longest first, so a secret that contains another is removed whole.
    this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
    return text.replace(this.pattern, REDACTED);
  }

  /**
   * `value` with every string in it scrubbed (object keys too). Copies only what changed: a report
   * without any secret in it comes back as the same object, so a large one is not duplicated.
   */
  scrubDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    const walk = (item: unknown): unknown => {
      if (typeof item === 'string') return this.scrub(item);
      if (Array.isArray(item)) {
        let copy: unknown[] | undefined;
        item.forEach((inner, index) => {
          const scrubbed = walk(inner);
          if (scrubbed !== inner) (copy ??= [...item])[index] = scrubbed;
        });
        return copy ?? item;
      }
      if (item !== null && typeof item === 'object') {
        let changed = false;
        const entries = Object.entries(item).map(([key, inner]) => {
          const pair = [this.scrub(key), walk(inner)] as const;
          changed ||= pair[0] !== key || pair[1] !== inner;
          return pair;
        });
        return changed ? Object.fromEntries(entries) : item;
      }
      return item;
    };
    return walk(value) as T;
  }
}

/**
 * The secrets of this process, registered by the front doors as they read their inputs. The
 * report is scrubbed with them before any renderer sees it.
 */
export const processSecrets = new Scrubber();

export function registerSecret(secret: string | undefined): void {
  if (secret) processSecrets.add(secret);
}

/** The Authorization value fetch sends for credentials in a URL (`https://user:pass@host`). */
export function basicCredential(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function formsOf(secret: string): string[] {
  const value = secret.trim();
  const forms = [value];
  // `Bearer abc`, `Basic dXNlcjpwYXNz`, `Token abc`: the credential alone is echoed too.
  const scheme = /^([A-Za-z][\w-]*)\s+(\S+)$/.exec(value);
  if (scheme) {
    forms.push(scheme[2]);
    if (scheme[1].toLowerCase() === 'basic') {
      const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
      if (decoded.includes(':')) forms.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
    }
  }
  return [...forms, ...forms.map(encodeURIComponent)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
