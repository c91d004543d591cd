// Fakes for the Teams handlers' ports: the Slack fakes' core (it stores whatever ref it is given),
// conversations in memory, a roster, and proactive turns run on botbuilder's TestAdapter.
import { type Activity, type ConversationReference, TestAdapter, TurnContext } from 'botbuilder';
import type { ChatConversations, StoredConversation } from '../../../src/bot/ports.ts';
import { BackgroundWork, type TeamsConnector } from '../../../src/bot/teams/connector.ts';
import type { TeamsDeps } from '../../../src/bot/teams/deps.ts';
import { type Roster, type TeamsPerson, TeamsReviewers } from '../../../src/bot/teams/identity.ts';
import type { TeamsServices } from '../../../src/bot/teams/services.ts';
import { FakeServices } from '../slack/fakes.ts';

export { card, CHRIS, DANA } from '../slack/fakes.ts';

export class FakeConversations implements ChatConversations {
  readonly stored = new Map<string, StoredConversation>();
  digest: string | undefined;
  async save(c: StoredConversation) {
    const before = this.stored.get(c.conversationId);
    // As the core does: emails are kept and compared in lower case.
    this.stored.set(c.conversationId, { ...before, ...c, ...(c.email ? { email: c.email.toLowerCase() } : {}) });
  }

  async personal(by: { userId?: string; email?: string }) {
    const all = [...this.stored.values()].filter((c) => c.scope === 'personal');
    return all.find((c) => by.userId && c.userId === by.userId)
      ?? all.find((c) => by.email && c.email === by.email.toLowerCase())
      ?? null;
  }

  async get(id: string) {
    return this.stored.get(id) ?? null;
  }

  async forget(id: string) {
    this.stored.delete(id);
  }

  async digestTarget() {
    return this.digest ? this.stored.get(this.digest) ?? null : null;
  }

  async setDigestTarget(id: string) {
    this.digest = id;
  }
}

/** Teams ids → roster entries: Dana (hiring manager of job-1), Chris (recruiter), Eve (no Ashby user). */
export const PEOPLE: Record<string, TeamsPerson> = {
  '29:dana': { teamsId: '29:dana', aadObjectId: 'aad-dana', email: 'dana@example.com' },
  '29:chris': { teamsId: '29:chris', aadObjectId: 'aad-chris', email: 'chris@example.com' },
  '29:eve': { teamsId: '29:eve', aadObjectId: 'aad-eve', email: 'eve@example.com' },
};

export const fakeRoster: Roster = { member: async (_ctx, id) => PEOPLE[id] ?? null };

export const SERVICE_URL = 'https://smba.example.test/teams/';

/** A 1:1 chat with one person, as Teams sends it. */
export function personalChat(user: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    bot: { id: '28:bot', name: 'Skima' },
    user: { id: user, name: user, aadObjectId: PEOPLE[user]?.aadObjectId } as ConversationReference['user'],
    conversation: { id: `a:personal-${user}`, conversationType: 'personal', isGroup: false, name: '', tenantId: 'tenant-1' } as ConversationReference['conversation'],
  };
}

export function channel(id = '19:general@thread.tacv2'): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    bot: { id: '28:bot', name: 'Skima' },
    conversation: { id, conversationType: 'channel', isGroup: true, name: '', tenantId: 'tenant-1' } as ConversationReference['conversation'],
  };
}

export interface Harness {
  adapter: TestAdapter;
  services: FakeServices;
  conversations: FakeConversations;
  deps: TeamsDeps;
  /** Every activity sent, proactive ones included, in order (updates replace in place). */
  sent: Partial<Activity>[];
  /** Proactive turns run: the conversation each was for. */
  proactive: string[];
}

export function harness(): Harness {
  const adapter = new TestAdapter();
  const services = new FakeServices();
  const conversations = new FakeConversations();
  const proactive: string[] = [];
  const connector: TeamsConnector = {
    async continue(reference, logic) {
      proactive.push(reference.conversation!.id);
      const activity = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation' }, reference, true);
      await logic(new TurnContext(adapter, activity));
    },
  };
  const background = new BackgroundWork((err) => {
    throw err;
  });
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  const teamsServices = services as unknown as TeamsServices; // its refs map stores any ref it is given
  const reviewers = new TeamsReviewers(fakeRoster, teamsServices);
  const deps: TeamsDeps = { services: teamsServices, conversations, reviewers, connector, background, log };
  return { adapter, services, conversations, deps, sent: adapter.activeQueue, proactive };
}

/** An activity from a person in a conversation. */
export function from(user: string, where: Partial<ConversationReference>, over: Partial<Activity>): Partial<Activity> {
  return {
    ...TurnContext.applyConversationReference({}, where, true),
    from: { id: user, name: user, aadObjectId: PEOPLE[user]?.aadObjectId } as Activity['from'],
    recipient: { id: '28:bot', name: 'Skima' },
    ...over,
  };
}

export const cardOf = (a: Partial<Activity>) =>
  a.attachments?.[0]?.content as { body: unknown[]; actions?: unknown[] } | undefined;
export const textOf = (a: Partial<Activity>) => a.text ?? JSON.stringify(cardOf(a) ?? a.value ?? '');
