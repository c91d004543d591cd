// HANDOFF_CONFIG: where a hire is sent and which Ashby fields go out under which names. A small YAML or
// JSON file, validated in full when Skima starts, so a bad mapping never surfaces at the first hire.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Ashby's system fields Skima can send, by the name a mapping uses. */
export const HANDOFF_SYSTEM_FIELDS = [
  'candidate.id',
  'candidate.name',
  'candidate.firstName',
  'candidate.lastName',
  'candidate.email',
  'candidate.phone',
  'candidate.linkedInUrl',
  'candidate.location',
  'application.id',
  'application.hiredAt',
  'application.source',
  'job.id',
  'job.title',
  'job.department',
  'job.location',
  'job.employmentType',
  'hiringManager.name',
  'hiringManager.email',
  'offer.startDate',
] as const;
export type HandoffSystemField = (typeof HANDOFF_SYSTEM_FIELDS)[number];

const systemField = z.enum(HANDOFF_SYSTEM_FIELDS);
/** Files a mapping may ask for. `offer` needs the API key's offersRead permission. */
export const HANDOFF_ATTACHMENTS = ['resume', 'offer'] as const;
export type HandoffAttachment = (typeof HANDOFF_ATTACHMENTS)[number];
const customField = z.strictObject({
  customField: z.string().min(1),
  /** Whose custom field: the application's (default), the candidate's or the job's. */
  of: z.enum(['application', 'candidate', 'job']).default('application'),
});
const fieldSource = z.union([systemField, customField], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `"${issue.input}" is not a field Skima can send; use one of ${HANDOFF_SYSTEM_FIELDS.join(', ')},`
      + ' or { customField: ID }'
      : 'must be a field name or { customField: ID, of: application | candidate | job }',
});
export type HandoffFieldSource = HandoffSystemField | z.output<typeof customField>;

const secret = z.string().min(16, 'must be at least 16 characters');
const endpoint = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'letters, digits, - and _ (up to 40)'),
    url: z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'),
    /** The HMAC secret itself, or the name of the environment variable holding it (better). */
    secret: secret.optional(),
    secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name').optional(),
    fields: z.record(z.string().min(1), fieldSource).refine((f) => Object.keys(f).length > 0, {
      message: 'map at least one field',
    }),
    /** Files sent with the hire, base64 in the JSON: the resume, and the accepted offer's files. */
    attach: z.array(z.enum(HANDOFF_ATTACHMENTS)).default([]),
    timeoutSeconds: z.number().positive().max(120).default(10),
  })
  .refine((e) => Boolean(e.secret) !== Boolean(e.secretEnv), { message: 'give exactly one of secret or secretEnv' });

export const handoffFileSchema = z.strictObject({
  endpoints: z.array(endpoint).min(1, 'name at least one endpoint'),
  retry: z
    .strictObject({
      attempts: z.int().min(1).max(20).default(8),
      firstDelaySeconds: z.number().positive().default(30),
      maxDelaySeconds: z.number().positive().default(3600),
    })
    .default({ attempts: 8, firstDelaySeconds: 30, maxDelaySeconds: 3600 }),
});

export interface HandoffEndpoint {
  name: string;
  url: string;
  secret: string;
  fields: Record<string, HandoffFieldSource>;
  attach: HandoffAttachment[];
  timeoutMs: number;
}

export interface HandoffConfig {
  endpoints: HandoffEndpoint[];
  retry: { attempts: number; firstDelayMs: number; maxDelayMs: number };
}

/**
 * Reads and checks the file. Every problem comes back as one message naming the file and each place
 * (`endpoints.0.fields.start_date: …`); secrets named by `secretEnv` must be set in `env`.
 */
export function loadHandoffConfig(
  path: string,
  env: Record<string, string | undefined>,
): { ok: true; config: HandoffConfig } | { ok: false; problem: string } {
  const fail = (why: string) => ({ ok: false as const, problem: `HANDOFF_CONFIG (${path}): ${why}` });
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot be read as ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = handoffFileSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'the file'}: ${i.message}`).join('; '));
  }
  const missing: string[] = [];
  const names = new Set<string>();
  const endpoints = parsed.data.endpoints.map((e, n) => {
    if (names.has(e.name)) missing.push(`endpoints.${n}.name: "${e.name}" is used twice`);
    names.add(e.name);
    const value = e.secret ?? env[e.secretEnv as string];
    if (!value || value.length < 16) missing.push(`endpoints.${n}.secretEnv: ${e.secretEnv} is not set (at least 16 characters)`);
    return { name: e.name, url: e.url, secret: value ?? '', fields: e.fields, attach: e.attach, timeoutMs: e.timeoutSeconds * 1000 };
  });
  if (missing.length) return fail(missing.join('; '));
  const { attempts, firstDelaySeconds, maxDelaySeconds } = parsed.data.retry;
  return {
    ok: true,
    config: {
      endpoints,
      retry: { attempts, firstDelayMs: firstDelaySeconds * 1000, maxDelayMs: maxDelaySeconds * 1000 },
    },
  };
}
