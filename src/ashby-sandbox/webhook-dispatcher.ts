import { randomUUID } from 'node:crypto';
import { createHttpPost } from '../ashby/node-http.ts';
import { signAshbyBody } from '../ashby/webhook-verification.ts';
import type { FaultInjector } from './faults.ts';

export interface WebhookSubscription {
  id: string;
  webhookType: string;
  requestUrl: string;
  secretToken: string;
  enabled: boolean;
}

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface DeliveryRecord {
  deliveryId: string;
  subscriptionId: string;
  webhookActionId: string;
  action: string;
  url: string;
  state: 'pending' | 'delivered' | 'failed' | 'dropped';
  attempts: DeliveryAttempt[];
}

/** Ashby does not retry these answers: the endpoint is gone or refuses us. */
const NO_RETRY = new Set([401, 403, 404, 405, 410]);
const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 10_000;

export interface DispatcherOptions {
  /** Multiplies Ashby's retry schedule (10 s, 30 s, 70 s, …); 0.001 makes it milliseconds for tests. */
  timeScale: number;
  faults: FaultInjector;
  now: () => number;
}

/**
 * Sends signed webhooks the way Ashby does: one POST per subscription, `Ashby-Signature` over the raw
 * body, retries with (2^n − 1) × 10 s backoff up to 10 attempts, none after 401/403/404/405/410.
 */
export class WebhookDispatcher {
  readonly subscriptions = new Map<string, WebhookSubscription>();
  readonly deliveries: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Keep-alive connections to the receivers: every write the sandbox takes sends a delivery or two,
   * and through fetch they were the largest part of its CPU after rendering resumes. */
  private readonly post = createHttpPost();
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  subscribe(input: Omit<WebhookSubscription, 'id' | 'enabled'>): WebhookSubscription {
    const sub = { id: randomUUID(), enabled: true, ...input };
    this.subscriptions.set(sub.id, sub);
    return sub;
  }

  unsubscribe(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  /** Fires related events under one webhookActionId, as Ashby does for cascades. */
  emit(events: Array<{ action: string; data: object }>, only?: WebhookSubscription): string {
    const webhookActionId = randomUUID();
    for (const event of events) {
      const targets = only
        ? [only]
        : [...this.subscriptions.values()].filter(
            (s) => s.enabled && (s.webhookType === event.action || s.webhookType === '*'),
          );
      for (const sub of targets) {
        const body = JSON.stringify({ webhookActionId, action: event.action, data: event.data });
        const record: DeliveryRecord = {
          deliveryId: randomUUID(),
          subscriptionId: sub.id,
          webhookActionId,
          action: event.action,
          url: sub.requestUrl,
          state: 'pending',
          attempts: [],
        };
        this.deliveries.push(record);
        if (this.options.faults.dropWebhook()) {
          record.state = 'dropped';
          continue;
        }
        this.track(this.attempt(record, sub, body));
      }
    }
    return webhookActionId;
  }

  /** Resolves when no delivery is in flight or waiting for a retry (tests use it). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.inFlight.size > 0 || this.timers.size > 0) && Date.now() < until) {
      // Always yield to the timer queue: with nothing in flight, allSettled([]) would resolve at once
      // and this loop would starve the very retry timers it waits for.
      const tick = new Promise((r) => setTimeout(r, 5));
      await (this.inFlight.size > 0 ? Promise.race([Promise.allSettled([...this.inFlight]), tick]) : tick);
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private track(p: Promise<void>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async attempt(record: DeliveryRecord, sub: WebhookSubscription, body: string): Promise<void> {
    if (this.closed) return;
    const attempt: DeliveryAttempt = { at: this.options.now() };
    record.attempts.push(attempt);
    try {
      const response = await this.post(sub.requestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'ashby-signature': signAshbyBody(body, sub.secretToken) },
        body,
        signal: AbortSignal.timeout(Math.max(1000, 30_000 * this.options.timeScale)),
      });
      attempt.status = response.status;
      await response.text().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        record.state = 'delivered';
        return;
      }
      if (NO_RETRY.has(response.status)) {
        record.state = 'failed';
        return;
      }
    } catch (error) {
      attempt.error = (error as Error).message;
    }
    const n = record.attempts.length;
    if (n >= MAX_ATTEMPTS || this.closed) {
      record.state = 'failed';
      return;
    }
    const delay = (2 ** n - 1) * BASE_DELAY_MS * this.options.timeScale;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(record, sub, body));
    }, delay);
    this.timers.add(timer);
  }
}
