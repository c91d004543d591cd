import type { ChatConversations } from '../ports.ts';
import type { BackgroundWork, TeamsConnector } from './connector.ts';
import type { TeamsReviewers } from './identity.ts';
import type { TeamsServices } from './services.ts';

export interface TeamsLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What the Teams handlers share: the core's port, the stored conversations, identity and sending. */
export interface TeamsDeps {
  services: TeamsServices;
  conversations: ChatConversations;
  reviewers: TeamsReviewers;
  connector: TeamsConnector;
  background: BackgroundWork;
  log: TeamsLog;
  /** TEAMS_DIGEST_CONVERSATION_ID, which wins over a conversation stored with `digest here`. */
  digestConversationId?: string;
}
