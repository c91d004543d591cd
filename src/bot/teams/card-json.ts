// The Adaptive Card JSON Skima sends to Teams, as plain data: no botbuilder type here (the front door
// wraps these cards in attachments), so a move off botbuilder leaves the renderers untouched.

/**
 * Teams refuses a bot message over its size limit with 413 MessageSizeTooBig, and the published limit
 * has moved: ~100 KB on the current Learn page, 40 KB on older copies, ~28 KB for connector and
 * Graph-style posts (shared/reference/slack-teams.md §2.2). 28 KB is the lowest of them, so a card under
 * it posts through every path; every card is fitted under it (measured as UTF-8 JSON) before it leaves.
 */
export const CARD_MAX_BYTES = 28 * 1024;
/** What a card may use of it: the activity around the attachment (ids, conversation, service URL) takes
 * a few hundred bytes, kept in this margin. */
export const CARD_BUDGET_BYTES = CARD_MAX_BYTES - 2 * 1024;

export const CARD_SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** One element or action of a card: plain JSON as the Adaptive Card 1.5 schema describes it. */
export type AcNode = { type: string } & Record<string, unknown>;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA_URL;
  /** Teams renders up to 1.5; Action.Execute needs 1.4. */
  version: '1.5';
  body: AcNode[];
  actions?: AcNode[];
  /** What clients that cannot draw the card (and notifications) show instead. */
  fallbackText?: string;
}

export function adaptiveCard(body: AcNode[], actions: AcNode[], fallbackText: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA_URL,
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText: clip(fallbackText, 300),
  };
}

/** The size Teams counts: the card's JSON in UTF-8 bytes. */
export function cardBytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Cuts text to `max` characters with an ellipsis, never in the middle of a surrogate pair. */
export function clip(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

export interface RunStyle {
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  color?: 'good' | 'attention' | 'warning' | 'accent';
  isSubtle?: boolean;
  italic?: boolean;
}

/** A text run: drawn as-is. Names, quotes and job titles go in runs, never in a TextBlock, because a
 * TextBlock reads markdown and a resume's `*` or `_` would change what the card says. */
export function run(text: string, style: RunStyle = {}): AcNode {
  return { type: 'TextRun', text, ...style };
}

/** A paragraph of text runs. */
export function para(inlines: AcNode[], extra: Record<string, unknown> = {}): AcNode {
  return { type: 'RichTextBlock', inlines, ...extra };
}

/** A paragraph of one run. */
export function line(text: string, style: RunStyle = {}, extra: Record<string, unknown> = {}): AcNode {
  return para([run(text, style)], extra);
}

export function heading(text: string): AcNode {
  return line(text, { weight: 'bolder', size: 'large' });
}

export function container(items: AcNode[], extra: Record<string, unknown> = {}): AcNode {
  return { type: 'Container', items, ...extra };
}

/** An `Action.Execute` (Universal Actions): Teams sends it to the bot as an `adaptiveCard/action` invoke. */
export function execute(
  title: string,
  verb: string,
  data: Record<string, string>,
  extra: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none' } = {},
): AcNode {
  return { type: 'Action.Execute', title, verb, data, ...extra };
}

export const minute = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
