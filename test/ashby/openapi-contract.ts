import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Ashby's OpenAPI spec, read from the shared reference folder next to the repository (never copied in). */
export const SPEC_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/reference/ashby-openapi.json',
);

const pointer = (endpoint: string, rest: string) => `spec#/paths/~1${endpoint}/post/${rest}`;

/**
 * The spec describes custom-field values as `oneOf` several plain-string variants (String, LongText,
 * ValueSelect, …) that are indistinguishable in JSON: under JSON Schema a string then matches more
 * than one branch and `oneOf` rejects every string, Ashby's own examples included. Those unions (and
 * only those) are read as `anyOf`. Returns how many were relaxed so the test can keep an eye on it.
 */
export function relaxAmbiguousStringUnions(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + relaxAmbiguousStringUnions(item), 0);
  if (!node || typeof node !== 'object') return 0;
  const obj = node as Record<string, unknown>;
  let relaxed = 0;
  const branches = obj.oneOf;
  if (Array.isArray(branches) && branches.filter((b) => (b as { type?: unknown })?.type === 'string').length > 1) {
    obj.anyOf = branches;
    delete obj.oneOf;
    relaxed++;
  }
  for (const value of Object.values(obj)) relaxed += relaxAmbiguousStringUnions(value);
  return relaxed;
}

/** Validators for the request and 200-response schemas of each endpoint, built lazily with ajv. */
export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();
  readonly relaxedUnions: number;
  /** Endpoints whose spec declares no request body (communicationTemplate.list): they take `{}`. */
  private readonly bodiless: Set<string>;

  constructor() {
    const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
    this.bodiless = new Set(
      Object.entries(spec.paths as Record<string, { post?: { requestBody?: unknown } }>)
        .filter(([, item]) => item.post && !item.post.requestBody)
        .map(([path]) => path.slice(1)),
    );
    this.relaxedUnions = relaxAmbiguousStringUnions(spec);
    // OpenAPI adds keywords (example, discriminator, …) that are not JSON Schema: not strict.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    // Ashby's own format for money amounts.
    this.ajv.addFormat('currency', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    this.ajv.addSchema(spec, 'spec');
  }

  private validator(ref: string): ValidateFunction {
    let v = this.cache.get(ref);
    if (!v) {
      v = this.ajv.getSchema(ref);
      if (!v) throw new Error(`no schema at ${ref}`);
      this.cache.set(ref, v);
    }
    return v;
  }

  /** Undefined when valid, else a readable list of errors. */
  checkResponse(endpoint: string, body: unknown): string | undefined {
    return this.check(pointer(endpoint, 'responses/200/content/application~1json/schema'), body);
  }

  checkRequest(endpoint: string, body: unknown): string | undefined {
    if (this.bodiless.has(endpoint)) {
      const empty = body !== null && typeof body === 'object' && Object.keys(body).length === 0;
      return empty ? undefined : `${endpoint} takes no request body, but was sent ${JSON.stringify(body)}`;
    }
    return this.check(pointer(endpoint, 'requestBody/content/application~1json/schema'), body);
  }

  /** Webhook bodies against the spec's `webhooks` section. */
  checkWebhook(action: string, body: unknown): string | undefined {
    return this.check(`spec#/webhooks/${action}/post/requestBody/content/application~1json/schema`, body);
  }

  private check(ref: string, body: unknown): string | undefined {
    const v = this.validator(ref);
    if (v(body)) return undefined;
    return this.ajv.errorsText(v.errors?.slice(0, 8), { separator: '\n' });
  }
}
