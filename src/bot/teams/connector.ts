import type { ConversationReference, TurnContext } from 'botbuilder';

/**
 * Writes into a stored conversation outside any request from Teams (a proactive message): the
 * CloudAdapter's continueConversationAsync in production, a TestAdapter turn in tests.
 */
export interface TeamsConnector {
  continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * Work that outlives the turn it started in (a slow command's result replaces its "working on it"
 * message later): the turn answers Teams at once, and `idle()` lets shutdown and tests wait for it.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown, name: string) => void) {}

  run(name: string, work: () => Promise<void>): void {
    const p: Promise<void> = work()
      .catch((err: unknown) => this.onError(err, name))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
