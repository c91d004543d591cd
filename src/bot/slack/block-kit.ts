import { z } from 'zod';

// zod schemas for the Block Kit Skima sends, enforcing Slack's documented limits (see
// shared/reference/slack-teams.md §1.3). No package validates these at runtime; Slack answers an
// oversize payload with `invalid_blocks` and the hiring manager sees nothing, so every payload is
// parsed here before it leaves.

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
  contextText: 3000,
  modalTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  radioOptions: 10,
  selectOptions: 100,
  /** Slack truncates a message's top-level text above 40,000 characters; keep well under. */
  fallbackText: 3000,
} as const;

const plainText = (max: number) =>
  z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwn = (max: number) =>
  z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });
const text = (max: number) => z.union([plainText(max), mrkdwn(max)]);

const actionId = z.string().min(1).max(LIMITS.actionId);
const blockId = z.string().min(1).max(LIMITS.blockId).optional();

/** Slack's confirmation dialog: shown before a click that changes something outside Slack is sent. */
const confirmSchema = z.strictObject({
  title: plainText(100),
  text: plainText(300),
  confirm: plainText(30),
  deny: plainText(30),
});

export const buttonSchema = z.strictObject({
  type: z.literal('button'),
  action_id: actionId,
  text: plainText(LIMITS.buttonText),
  value: z.string().max(LIMITS.buttonValue).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  url: z.string().max(3000).optional(),
  confirm: confirmSchema.optional(),
});

const optionSchema = z.strictObject({
  text: plainText(LIMITS.optionText),
  value: z.string().min(1).max(LIMITS.optionValue),
});

const plainTextInputSchema = z.strictObject({
  type: z.literal('plain_text_input'),
  action_id: actionId,
  multiline: z.boolean().optional(),
  max_length: z.number().int().positive().max(3000).optional(),
  initial_value: z.string().max(3000).optional(),
  placeholder: plainText(LIMITS.placeholder).optional(),
});

const radioButtonsSchema = z.strictObject({
  type: z.literal('radio_buttons'),
  action_id: actionId,
  options: z.array(optionSchema).min(1).max(LIMITS.radioOptions),
  initial_option: optionSchema.optional(),
});

/** A menu in a modal's input (one per requirement in "Edit requirements"), its current value preselected. */
const inputSelectSchema = z.strictObject({
  type: z.literal('static_select'),
  action_id: actionId,
  options: z.array(optionSchema).min(1).max(LIMITS.selectOptions),
  initial_option: optionSchema.optional(),
  placeholder: plainText(LIMITS.placeholder).optional(),
});

export const sectionSchema = z
  .strictObject({
    type: z.literal('section'),
    block_id: blockId,
    text: text(LIMITS.sectionText).optional(),
    fields: z.array(text(LIMITS.sectionFieldText)).min(1).max(LIMITS.sectionFields).optional(),
    accessory: buttonSchema.optional(),
  })
  .refine((s) => s.text || s.fields, { message: 'a section needs text or fields' });

const headerSchema = z.strictObject({ type: z.literal('header'), block_id: blockId, text: plainText(LIMITS.headerText) });
const dividerSchema = z.strictObject({ type: z.literal('divider'), block_id: blockId });
const contextSchema = z.strictObject({
  type: z.literal('context'),
  block_id: blockId,
  elements: z.array(text(LIMITS.contextText)).min(1).max(LIMITS.contextElements),
});
/** A menu of up to 100 options (Slack's limit), e.g. the open jobs a dropped resume may be for. */
export const staticSelectSchema = z.strictObject({
  type: z.literal('static_select'),
  action_id: actionId,
  placeholder: plainText(LIMITS.placeholder),
  options: z.array(optionSchema).min(1).max(LIMITS.selectOptions),
  initial_option: optionSchema.optional(),
});
const actionsSchema = z.strictObject({
  type: z.literal('actions'),
  block_id: blockId,
  elements: z.array(z.union([buttonSchema, staticSelectSchema])).min(1).max(LIMITS.actionsElements),
});
const inputSchema = z.strictObject({
  type: z.literal('input'),
  block_id: blockId,
  label: plainText(LIMITS.inputLabel),
  element: z.union([plainTextInputSchema, radioButtonsSchema, staticSelectSchema, inputSelectSchema]),
  optional: z.boolean().optional(),
  hint: plainText(LIMITS.inputLabel).optional(),
});

export const blockSchema = z.union([
  headerSchema,
  sectionSchema,
  dividerSchema,
  contextSchema,
  actionsSchema,
  inputSchema,
]);
export type Block = z.infer<typeof blockSchema>;
export type Button = z.infer<typeof buttonSchema>;

/** Slack routes interactions by action_id and keeps state by block_id: duplicates misroute clicks. */
function uniqueIds(blocks: Block[], ctx: z.RefinementCtx) {
  const actions = new Set<string>();
  const blockIds = new Set<string>();
  for (const block of blocks) {
    if (block.block_id) {
      if (blockIds.has(block.block_id)) ctx.addIssue({ code: 'custom', message: `duplicate block_id ${block.block_id}` });
      blockIds.add(block.block_id);
    }
    const elements: { action_id: string }[] =
      block.type === 'actions' ? [...block.elements] : block.type === 'input' ? [block.element] : [];
    if (block.type === 'section' && block.accessory) elements.push(block.accessory);
    for (const el of elements) {
      if (actions.has(el.action_id)) ctx.addIssue({ code: 'custom', message: `duplicate action_id ${el.action_id}` });
      actions.add(el.action_id);
    }
  }
}

const blocks = (max: number) => z.array(blockSchema).max(max).superRefine(uniqueIds);

/**
 * What a message's blocks may carry in text, all together. Slack refuses chat.postMessage and
 * chat.update with `msg_blocks_too_long` above a total it does not document (shared/reference/
 * slack-teams.md §1.3). A Slack maintainer described it as "12,000 text characters with a buffer for
 * block containers" (bolt-js #2509); reporters were refused at ~13,200 characters of markdown blocks
 * (#2509) and at 11,341 text characters counted exactly as here, every `text` string in the tree, in a
 * message of many rich_text containers (#2867). The buffer is unknown, and a shortlist card is heavy
 * in containers (ten actions blocks of buttons and menus), so the budget keeps ~12% under the lowest
 * refusal reported: 10,000. Counted in UTF-16 units before Slack unescapes `&amp;`, so an emoji counts
 * two and an escaped `&` five: both count more than Slack can, never less.
 */
export const MESSAGE_TEXT_BUDGET = 10_000;

/** Every text string the blocks carry (section text and fields, context elements, header, button and
 * option texts, placeholders, confirmation dialogs, ...): each `text` string anywhere in the tree. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + blocksTextLength(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) n += key === 'text' && typeof v === 'string' ? v.length : blocksTextLength(v);
  return n;
}

/**
 * The first of a renderer's drawings, fullest first, whose blocks fit MESSAGE_TEXT_BUDGET (drawn only as
 * far as needed). When none does, the last: checkMessage then refuses it, naming the count.
 */
export function firstFitting(drawings: Iterable<Block[]>): Block[] {
  let last: Block[] = [];
  for (const blocks of drawings) {
    if (blocksTextLength(blocks) <= MESSAGE_TEXT_BUDGET) return blocks;
    last = blocks;
  }
  return last;
}

function withinTextBudget(blocks: Block[], ctx: z.RefinementCtx) {
  const length = blocksTextLength(blocks);
  if (length > MESSAGE_TEXT_BUDGET) {
    ctx.addIssue({
      code: 'custom',
      message: `the blocks carry ${length} text characters in all, over the ${MESSAGE_TEXT_BUDGET} a message may `
        + '(Slack refuses a message whose blocks are too long in total with msg_blocks_too_long)',
    });
  }
}

/** What chat.postMessage / chat.update / respond() carry: blocks plus the notification fallback text. */
export const messageSchema = z.strictObject({
  text: z.string().min(1).max(LIMITS.fallbackText),
  blocks: blocks(LIMITS.messageBlocks).superRefine(withinTextBudget),
});
export type SlackMessage = z.infer<typeof messageSchema>;

export const modalSchema = z.strictObject({
  type: z.literal('modal'),
  callback_id: z.string().min(1).max(LIMITS.callbackId),
  title: plainText(LIMITS.modalTitle),
  submit: plainText(LIMITS.modalTitle).optional(),
  close: plainText(LIMITS.modalTitle).optional(),
  private_metadata: z.string().max(LIMITS.privateMetadata).optional(),
  blocks: blocks(LIMITS.viewBlocks).min(1),
}).refine((v) => v.submit || !v.blocks.some((b) => b.type === 'input'), {
  message: 'a modal with inputs needs a submit button',
});
export type ModalView = z.infer<typeof modalSchema>;

export const homeSchema = z.strictObject({
  type: z.literal('home'),
  blocks: blocks(LIMITS.viewBlocks),
});
export type HomeView = z.infer<typeof homeSchema>;

/** Parses before sending: a payload over a limit is a bug in Skima, reported with the offending path. */
export function checkMessage(message: SlackMessage): SlackMessage {
  return messageSchema.parse(message);
}
export function checkModal(view: ModalView): ModalView {
  return modalSchema.parse(view);
}
export function checkHome(view: HomeView): HomeView {
  return homeSchema.parse(view);
}

/** Slack mrkdwn treats &, < and > as control characters; everything Skima did not write is escaped. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a limit on a character boundary, marking the cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${[...s.slice(0, max - 1)].join('')}…`;
}
