import { z } from 'zod';

// Slack payloads as the listeners read them, parsed with zod at the boundary. Loose objects: Slack
// adds fields freely; the ones Skima relies on are required.

export const slashCommandSchema = z.looseObject({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

export const blockActionSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  container: z
    .looseObject({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  message: z.looseObject({ ts: z.string() }).optional(),
  actions: z.array(z.looseObject({
    action_id: z.string(),
    value: z.string().optional(),
    selected_option: z.looseObject({ value: z.string() }).optional(),
  })).min(1),
  /** What the message's menus hold when the button was clicked (Slack sends the full state). */
  state: z.looseObject({
    values: z.record(z.string(), z.record(z.string(), z.looseObject({
      selected_option: z.looseObject({ value: z.string() }).nullish(),
    }))),
  }).optional(),
});
export type BlockActionPayload = z.infer<typeof blockActionSchema>;

/** The option picked in a message's menu with this action id when a button was clicked, if any. */
export function selectedInMessage(payload: BlockActionPayload, actionId: string): string | undefined {
  for (const block of Object.values(payload.state?.values ?? {})) {
    const picked = block[actionId]?.selected_option?.value;
    if (picked) return picked;
  }
  return undefined;
}

export const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: z.string().min(1) }),
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.looseObject({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.looseObject({
            value: z.string().nullish(),
            selected_option: z.looseObject({ value: z.string() }).nullish(),
          }),
        ),
      ),
    }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

export const noteMetadataSchema = z.object({
  j: z.string().min(1),
  a: z.string().min(1),
  c: z.object({ channel: z.string().min(1), ts: z.string().min(1) }).optional(),
});

/** The disposition modals' private metadata: job, application, action, the card; then what was picked
 * and the confirmation's key (the same submission twice starts one batch). */
/** What the Advance…/Archive… modals carry: the job, the application (`a`), or every skipped one of the
 * job still active (`b`, from "Archive skipped…", with `n` how many the confirmation named), the action,
 * the card clicked, the picks, and the confirmation's key. */
export const dispositionMetadataSchema = z.object({
  j: z.string().min(1),
  a: z.string().min(1).optional(),
  b: z.literal(1).optional(),
  n: z.number().int().positive().optional(),
  x: z.enum(['advance', 'archive']),
  c: z.object({ channel: z.string().min(1), ts: z.string().min(1) }).optional(),
  s: z.string().min(1).optional(),
  r: z.string().min(1).optional(),
  t: z.string().min(1).optional(),
  k: z.string().min(1).max(100).optional(),
}).refine((m) => Boolean(m.a) !== Boolean(m.b), 'one application, or every skipped one');
export type DispositionMetadata = z.infer<typeof dispositionMetadataSchema>;

/** tokens_revoked: the user and bot tokens Slack revoked, by the id of whom they belonged to. */
export const tokensRevokedSchema = z.looseObject({
  type: z.literal('tokens_revoked'),
  tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
});

/** A message in a DM with the app that shares files (subtype file_share); messages of bots are not ours. */
export const fileShareSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.literal('file_share'),
  channel_type: z.literal('im'),
  user: z.string().min(1),
  channel: z.string().min(1),
  text: z.string().default(''),
  bot_id: z.undefined().optional(),
  files: z.array(z.looseObject({ id: z.string().min(1), name: z.string().optional() })).min(1),
});
export type FileShare = z.infer<typeof fileShareSchema>;

export const appHomeOpenedSchema = z.looseObject({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** The channel and ts of the message a button was clicked in, when it was a message. */
export function clickedMessage(p: BlockActionPayload): { channel: string; ts: string } | undefined {
  const channel = p.container?.channel_id ?? p.channel?.id;
  const ts = p.container?.message_ts ?? p.message?.ts;
  return channel && ts && p.container?.type !== 'view' ? { channel, ts } : undefined;
}
