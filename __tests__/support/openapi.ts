/**
 * Validation of request/response bodies against GitHub's own OpenAPI
 * description (the `@octokit/openapi` package, `generated/api.github.com.json`).
 *
 * The description is OpenAPI 3.0.3, which is *almost* JSON Schema. The
 * differences that matter for validation are handled here:
 *  - `nullable: true` on a node without `type` (e.g. `{nullable, anyOf}`) is
 *    rewritten to `anyOf: [<node>, {type: 'null'}]` (ajv only understands
 *    `nullable` next to `type`), and `null` is added to the `enum` of nullable
 *    enums (GitHub sends `state_reason: null` although the enum omits it);
 *  - formats: `ajv-formats` is not installed, so a few are registered by hand
 *    (date-time, date, uri, email, uuid); every other format is accepted.
 *
 * The spec (13 MB) is parsed once per process (~0.3 s) and validators are
 * compiled lazily per operation/status and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';

// ajv is CommonJS: under NodeNext the default import is the module object.
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;

const require = createRequire(import.meta.url);

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface SpecOperation {
  /** Path template exactly as in the description, e.g. `/repos/{owner}/{repo}/issues`. */
  path: string;
  method: HttpMethod;
  operationId: string;
  /** Statuses declared in `responses` (strings, may include `default`). */
  statuses: string[];
  hasRequestBody: boolean;
}

export interface ValidationResult {
  valid: boolean;
  /** The schema used (`$ref` into the spec) or a note about why nothing was used. */
  schemaRef: string;
  errors: string[];
}

const SPEC_ID = 'https://api.github.com.spec/';

/** A minimal error envelope for statuses the description does not declare. */
const FALLBACK_ERROR_SCHEMA = {
  type: 'object',
  required: ['message'],
  properties: {
    message: { type: 'string' },
    documentation_url: { type: 'string' },
    status: { type: 'string' },
    errors: { type: 'array' },
  },
};

let cached: OpenApiValidator | undefined;

/** The process-wide validator (loads the description on first use). */
export function getOpenApiValidator(): OpenApiValidator {
  cached ??= new OpenApiValidator();
  return cached;
}

/** Absolute path of `api.github.com.json` inside the installed `@octokit/openapi`. */
export function openApiSpecPath(): string {
  const pkg = require.resolve('@octokit/openapi/package.json');
  return join(dirname(pkg), 'generated', 'api.github.com.json');
}

const RFC3339 =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

export class OpenApiValidator {
  readonly spec: JsonObject;
  private readonly ajv: InstanceType<typeof Ajv>;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly matchers: { re: RegExp; path: string; literalChars: number }[];

  constructor(specFile = openApiSpecPath()) {
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as JsonObject;
    rewriteNullable(spec.components);
    rewriteNullable(spec.paths);
    this.spec = spec;
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      formats: {
        'date-time': (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)),
        date: /^\d{4}-\d{2}-\d{2}$/,
        uri: (s: string) => {
          try {
            return /^[a-z][a-z0-9+.-]*:/i.test(s) && Boolean(new URL(s));
          } catch {
            return false;
          }
        },
        email: /^[^\s@]+@[^\s@]+$/,
        uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        int32: { type: 'number', validate: () => true },
        int64: { type: 'number', validate: () => true },
      },
    });
    // Unknown formats (uri-template, binary, hostname, repo.nwo, ...) are
    // ignored because strict is off and the logger is silenced.
    this.ajv.addSchema(spec as object, SPEC_ID);
    this.ajv.addSchema(FALLBACK_ERROR_SCHEMA, 'fallback-error');
    const paths = spec.paths as JsonObject;
    this.matchers = Object.keys(paths).map((p) => ({
      path: p,
      re: new RegExp(
        '^' +
          p
            .split('/')
            .map((seg) => (/^\{[^}]+\}$/.test(seg) ? '[^/]+' : escapeRe(seg)))
            .join('/') +
          '$',
      ),
      literalChars: p.replace(/\{[^}]+\}/g, '').length,
    }));
    // Prefer the most specific template (more literal characters).
    this.matchers.sort((a, b) => b.literalChars - a.literalChars);
  }

  /** Finds the spec path template matching a concrete pathname (no query). */
  matchPath(pathname: string, method?: HttpMethod): string | undefined {
    for (const m of this.matchers) {
      if (!m.re.test(pathname)) continue;
      if (method && !(this.spec.paths as JsonObject)[m.path]?.hasOwnProperty(method)) continue;
      return m.path;
    }
    return undefined;
  }

  operation(path: string, method: HttpMethod): SpecOperation | undefined {
    const op = ((this.spec.paths as JsonObject)[path] as JsonObject | undefined)?.[method] as
      | JsonObject
      | undefined;
    if (!op) return undefined;
    return {
      path,
      method,
      operationId: String(op.operationId),
      statuses: Object.keys((op.responses as JsonObject) ?? {}),
      hasRequestBody: Boolean(op.requestBody),
    };
  }

  /**
   * Validates a response body. `body` is the parsed JSON (or `undefined` for
   * an empty body). Statuses the operation does not declare are validated,
   * for >= 400, against a minimal GitHub error envelope (`{message, ...}`);
   * an undeclared 2xx/3xx is itself a violation.
   */
  validateResponse(path: string, method: HttpMethod, status: number, body: unknown): ValidationResult {
    const opPtr = `#/paths/${ptr(path)}/${method}`;
    const op = ((this.spec.paths as JsonObject)[path] as JsonObject | undefined)?.[method] as
      | JsonObject
      | undefined;
    if (!op) {
      return { valid: false, schemaRef: opPtr, errors: [`operation ${method.toUpperCase()} ${path} is not in the description`] };
    }
    const responses = (op.responses ?? {}) as JsonObject;
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
    if (key === undefined) {
      if (status >= 400) return this.run('fallback-error', 'fallback-error', body);
      return {
        valid: false,
        schemaRef: `${opPtr}/responses`,
        errors: [`status ${status} is not declared for ${String(op.operationId)} (declared: ${Object.keys(responses).join(', ')})`],
      };
    }
    let respPtr = `${opPtr}/responses/${ptr(key)}`;
    let resp = responses[key] as JsonObject;
    // Follow `$ref: #/components/responses/...`
    for (let i = 0; i < 5 && typeof resp?.$ref === 'string'; i++) {
      respPtr = resp.$ref as string;
      resp = this.resolvePointer(respPtr) as JsonObject;
    }
    const content = resp?.content as JsonObject | undefined;
    if (!content) {
      // The description declares no body (e.g. 204).
      if (body === undefined || body === '' || body === null) return { valid: true, schemaRef: respPtr, errors: [] };
      return { valid: false, schemaRef: respPtr, errors: [`status ${status} declares no body, but one was sent`] };
    }
    const mediaType = Object.keys(content).find((m) => m.includes('json'));
    if (!mediaType) return { valid: true, schemaRef: respPtr, errors: [] };
    const schemaPtr = `${respPtr}/content/${ptr(mediaType)}/schema`;
    if (body === undefined) {
      return { valid: false, schemaRef: schemaPtr, errors: ['a JSON body is declared, but the response was empty'] };
    }
    return this.run(schemaPtr, `${SPEC_ID}${schemaPtr}`, body);
  }

  /** Validates a request body against the operation's `requestBody` schema (if any). */
  validateRequest(path: string, method: HttpMethod, body: unknown): ValidationResult {
    const opPtr = `#/paths/${ptr(path)}/${method}`;
    const op = ((this.spec.paths as JsonObject)[path] as JsonObject | undefined)?.[method] as
      | JsonObject
      | undefined;
    const rb = op?.requestBody as JsonObject | undefined;
    if (!rb) return { valid: true, schemaRef: `${opPtr} (no requestBody)`, errors: [] };
    const content = rb.content as JsonObject | undefined;
    const mediaType = content && Object.keys(content).find((m) => m.includes('json'));
    if (!mediaType) return { valid: true, schemaRef: `${opPtr}/requestBody`, errors: [] };
    if (body === undefined) {
      return rb.required
        ? { valid: false, schemaRef: `${opPtr}/requestBody`, errors: ['request body is required'] }
        : { valid: true, schemaRef: `${opPtr}/requestBody`, errors: [] };
    }
    const schemaPtr = `${opPtr}/requestBody/content/${ptr(mediaType)}/schema`;
    return this.run(schemaPtr, `${SPEC_ID}${schemaPtr}`, body);
  }

  /** Validates arbitrary data against `#/components/schemas/<name>`. */
  validateComponent(name: string, data: unknown): ValidationResult {
    const p = `#/components/schemas/${ptr(name)}`;
    return this.run(p, `${SPEC_ID}${p}`, data);
  }

  private run(label: string, ref: string, data: unknown): ValidationResult {
    let fn = this.cache.get(ref);
    if (!fn) {
      fn = this.ajv.compile({ $ref: ref }) as ValidateFunction;
      this.cache.set(ref, fn);
    }
    const ok = fn(data) as boolean;
    return { valid: ok, schemaRef: label, errors: ok ? [] : formatErrors(fn.errors ?? []) };
  }

  private resolvePointer(pointer: string): unknown {
    const parts = pointer.replace(/^#\//, '').split('/').map(unptr);
    let cur: unknown = this.spec;
    for (const p of parts) cur = (cur as Record<string, unknown> | undefined)?.[p];
    return cur;
  }
}

function formatErrors(errors: ErrorObject[]): string[] {
  // allErrors + oneOf produce a lot of noise; keep it readable.
  return errors.slice(0, 20).map((e) => {
    const where = e.instancePath || '(root)';
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where} ${e.message ?? e.keyword}${extra} [${e.schemaPath}]`;
  });
}

function ptr(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
function unptr(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** In place: `{nullable: true, ...no type}` -> `{anyOf: [{...}, {type: 'null'}]}`. */
function rewriteNullable(node: Json | undefined): void {
  if (Array.isArray(node)) {
    for (const v of node) rewriteNullable(v);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const v of Object.values(node)) rewriteNullable(v);
  // `{type, nullable, enum: [...]}` without null in the enum: GitHub sends null.
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  if (node.nullable === true && node.type === undefined) {
    const inner: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (k !== 'nullable' && k !== 'description' && k !== 'example' && k !== 'title') inner[k] = v;
      if (k !== 'description' && k !== 'title') delete node[k];
    }
    node.anyOf = Object.keys(inner).length ? [inner, { type: 'null' }] : [{}, { type: 'null' }];
  }
}
