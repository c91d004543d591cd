import { z } from 'zod';

/** Ashby's error body: `errors` is deprecated, `errorInfo` is the structured form. */
export const errorEnvelopeSchema = z.looseObject({
  success: z.literal(false),
  errors: z.array(z.unknown()).optional(),
  errorInfo: z
    .looseObject({
      code: z.string(),
      message: z.string().optional(),
      requestId: z.string().optional(),
      meta: z.unknown().optional(),
    })
    .optional(),
});

export const successEnvelopeSchema = z.looseObject({
  success: z.literal(true),
  results: z.unknown(),
  warnings: z.array(z.unknown()).optional(),
  moreDataAvailable: z.boolean().optional(),
  nextCursor: z.string().nullish(),
  syncToken: z.string().nullish(),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** The error code of a failure body, falling back to the deprecated `errors` array (strings or {code}). */
export function errorCodeOf(body: ErrorEnvelope): string {
  if (body.errorInfo?.code) return body.errorInfo.code;
  const first = body.errors?.[0];
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'code' in first && typeof first.code === 'string') return first.code;
  return 'unknown_error';
}

/** Turns a zod failure into "path.to.field" + problem, so shape errors name what was missing. */
export function describeZodError(error: z.ZodError, prefix: string): { field: string; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { field: prefix, problem: 'invalid' };
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return { field: `${prefix}${path}`, problem: issue.message };
}
