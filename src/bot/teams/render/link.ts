import { type AdaptiveCardJson, adaptiveCard, clip, line, minute } from '../card-json.ts';

/**
 * A fresh personal link (the full shortlist, the report), sent to the person who asked and nobody else:
 * a button that opens it, and until when it works. Only the link's own card ever carries a URL.
 */
export function linkCard(title: string, url: string, expiresAt: Date): AdaptiveCardJson {
  return adaptiveCard(
    [
      line(clip(title, 200), { weight: 'bolder' }),
      line(`A link for you alone, valid until ${minute(expiresAt)} UTC. Please don't forward it.`, { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open', url }],
    clip(title, 300),
  );
}
