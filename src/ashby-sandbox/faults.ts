import { z } from 'zod';
import { mulberry32 } from './prng.ts';

/** Misbehaviour the control API can switch on, to test clients against a flaky Ashby. */
export const faultSettingsSchema = z.object({
  /** Added to every API response. */
  latencyMs: z.number().min(0).max(60_000).default(0),
  /** Share of API calls answered 429 with Retry-After. */
  rate429: z.number().min(0).max(1).default(0),
  retryAfterSeconds: z.number().min(0).max(3600).default(1),
  /** Share of API calls answered 500/502/503. */
  rate5xx: z.number().min(0).max(1).default(0),
  /** Share of API calls that hang for `hangMs` before a 504 (longer than a sane client timeout). */
  timeoutRate: z.number().min(0).max(1).default(0),
  hangMs: z.number().min(0).max(600_000).default(35_000),
  /** Share of webhook deliveries silently lost. */
  dropWebhookRate: z.number().min(0).max(1).default(0),
  /** Exact failures for the next calls of one endpoint, consumed in order. */
  next: z
    .array(
      z.object({
        endpoint: z.string(),
        /** An HTTP status (429, 5xx) or an Ashby error code answered as success:false. */
        status: z.number().int().optional(),
        code: z.string().optional(),
        times: z.number().int().min(1).default(1),
      }),
    )
    .default([]),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;
/** What callers pass: every setting optional, defaults filled in. */
export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'code'; code: string }
  | { kind: 'hang'; ms: number };

export class FaultInjector {
  settings: FaultSettings = faultSettingsSchema.parse({});
  private random = mulberry32(7);

  configure(input: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse(input);
    this.random = mulberry32(7);
    return this.settings;
  }

  decide(endpoint: string): FaultDecision {
    const queued = this.settings.next.find((n) => n.endpoint === endpoint);
    if (queued) {
      queued.times--;
      if (queued.times <= 0) this.settings.next.splice(this.settings.next.indexOf(queued), 1);
      if (queued.code) return { kind: 'code', code: queued.code };
      return { kind: 'status', status: queued.status ?? 500, retryAfterSeconds: this.settings.retryAfterSeconds };
    }
    const s = this.settings;
    if (s.rate429 > 0 && this.random() < s.rate429)
      return { kind: 'status', status: 429, retryAfterSeconds: s.retryAfterSeconds };
    if (s.rate5xx > 0 && this.random() < s.rate5xx)
      return { kind: 'status', status: [500, 502, 503][Math.floor(this.random() * 3)] as number };
    if (s.timeoutRate > 0 && this.random() < s.timeoutRate) return { kind: 'hang', ms: s.hangMs };
    return { kind: 'none' };
  }

  dropWebhook(): boolean {
    return this.settings.dropWebhookRate > 0 && this.random() < this.settings.dropWebhookRate;
  }
}
