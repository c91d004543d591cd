import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PERMISSIONS } from './api-keys.ts';
import type { SandboxState } from './sandbox-state.ts';

const keyInput = z.object({
  title: z.string().optional(),
  permissions: z.array(z.enum(PERMISSIONS)).default([...PERMISSIONS]),
});
const settingsInput = z.object({
  syncTokenTtlMs: z.number().int().min(0).optional(),
  cursorTtlMs: z.number().int().min(0).optional(),
  maxIncrementalRecords: z.number().int().min(0).optional(),
});

/**
 * `/_sandbox/*`: test and demo controls that Ashby does not have. No Ashby key needed; the sandbox
 * listens on loopback by default.
 */
export function registerControlRoutes(app: FastifyInstance, state: SandboxState) {
  const bad = (error: unknown) => ({
    error:
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : (error as Error).message,
  });

  app.get('/_sandbox/state', async () => state.summary());

  app.post('/_sandbox/reset', async (req, reply) => {
    try {
      const { seed } = z.object({ seed: z.string().optional() }).parse(req.body ?? {});
      state.reset(seed);
      return state.summary();
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  app.get('/_sandbox/faults', async () => state.faults.settings);
  app.post('/_sandbox/faults', async (req, reply) => {
    try {
      return state.setFaults(req.body ?? {});
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  app.post('/_sandbox/settings', async (req, reply) => {
    try {
      return state.updateSettings(settingsInput.parse(req.body ?? {}));
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  app.post('/_sandbox/keys', async (req, reply) => {
    try {
      const input = keyInput.parse(req.body ?? {});
      return { apiKey: state.createKey(input.permissions, input.title), permissions: input.permissions };
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  app.post('/_sandbox/sync-tokens/expire', async () => {
    state.expireSyncTokens();
    return { expired: true };
  });

  app.post('/_sandbox/clock', async (req, reply) => {
    try {
      const { advanceMs } = z.object({ advanceMs: z.number().int() }).parse(req.body ?? {});
      state.advanceClock(advanceMs);
      return { now: new Date(state.now()).toISOString() };
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  // `?from=N` skips the first N, so a watcher reads only what is new (the log grows with every write).
  app.get('/_sandbox/writes', async (req, reply) => {
    const query = z.object({ from: z.coerce.number().int().min(0).default(0) }).safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(bad(query.error));
    return state.writes.slice(query.data.from);
  });
  // Calls per endpoint since the last reset: what a client spent of its Ashby request budget.
  app.get('/_sandbox/requests', async () => Object.fromEntries(state.requests));
  app.get('/_sandbox/webhooks', async () => ({
    subscriptions: [...state.webhooks.subscriptions.values()].map(({ secretToken: _s, ...rest }) => rest),
    deliveries: state.webhooks.deliveries,
  }));

  app.post('/_sandbox/applications', async (req, reply) => {
    try {
      return state.submitApplication(
        z
          .object({ jobId: z.string(), name: z.string().optional(), email: z.string().optional() })
          .parse(req.body ?? {}),
      );
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  app.post('/_sandbox/candidates/merge', async (req, reply) => {
    try {
      const input = z.object({ deletedCandidateId: z.string(), mergedCandidateId: z.string() }).parse(req.body ?? {});
      return state.mergeCandidates(input.deletedCandidateId, input.mergedCandidateId);
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });

  for (const [verb, listed] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/_sandbox/job-postings/:id/${verb}`, async (req, reply) => {
      try {
        state.setPostingListed(req.params.id, listed);
        return { jobPostingId: req.params.id, isListed: listed };
      } catch (e) {
        return reply.code(404).send(bad(e));
      }
    });
  }

  app.post<{ Params: { id: string } }>('/_sandbox/candidates/:id/delete', async (req, reply) => {
    try {
      state.deleteCandidate(req.params.id);
      return { deleted: req.params.id };
    } catch (e) {
      return reply.code(404).send(bad(e));
    }
  });
}
