import { z } from 'zod';

/** The decision form, as posted (application/x-www-form-urlencoded). */
export const decisionForm = z.object({
  csrf: z.string().max(200).optional(),
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  verdict: z.enum(['approve', 'skip', 'maybe']),
  note: z.string().max(2000).optional().transform((v) => v?.trim() || undefined),
});

export type DecisionForm = z.infer<typeof decisionForm>;

/** Form bodies as plain objects (the last value of a repeated field wins). */
export function parseUrlEncoded(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
