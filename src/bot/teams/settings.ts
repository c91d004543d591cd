/** The Teams front door's settings (TEAMS_* in the configuration). */
export interface TeamsSettings {
  /** The Azure Bot's Microsoft App ID: the audience every request from the Bot Framework is checked against. */
  appId: string;
  /** A client secret of the bot's app registration, to get tokens for replies and proactive messages. */
  appPassword: string;
  /** The app registration's tenant (single-tenant bots). */
  tenantId?: string;
  multiTenant: boolean;
  /** A channel conversation the weekly digest goes to (TEAMS_DIGEST_CONVERSATION_ID). */
  digestConversationId?: string;
  /** Skima's public URL, for the setup check of the messaging endpoint. */
  baseUrl?: string;
}
