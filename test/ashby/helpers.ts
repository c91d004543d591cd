import { AshbyClient, type AshbyClientOptions } from '../../src/ashby/client.ts';
import { RequestGate } from '../../src/ashby/request-gate.ts';

export const BASE = 'https://api.ashby.test';

/** A client aimed at nock's fake host, with recorded (not real) sleeps. */
export function nockClient(overrides: Partial<AshbyClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = new AshbyClient({
    apiKey: 'test-key',
    baseUrl: BASE,
    gate: new RequestGate({ requestsPerSecond: 1000, burst: 1000, maxConcurrency: 8 }),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, sleeps };
}

export const application = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  createdAt: '2024-03-04T15:02:11.512Z',
  updatedAt: '2024-03-04T15:02:11.512Z',
  status: 'Active',
  customFields: [],
  candidate: { id: `cand-${id}`, name: 'Adam Hart' },
  currentInterviewStage: {
    id: 'stage-1',
    title: 'Application Review',
    type: 'PreInterviewScreen',
    orderInInterviewPlan: 1,
    interviewPlanId: 'plan-1',
  },
  job: { id: 'job-1', title: 'First Designer' },
  hiringTeam: [],
  ...extra,
});

export const note = (id: string, content: string) => ({
  id,
  createdAt: '2024-03-04T15:02:11.512Z',
  isPrivate: false,
  content,
  author: { id: 'user-1', firstName: 'Dana', lastName: 'Lee' },
});
