import { AshbyPermissionError, type AshbyClient } from '../../../ashby/index.ts';
import type { HandoffConfig } from '../../../config/handoff.ts';

/** An Ashby API-key permission Skima uses, and what stops working without it. */
export interface NeededPermission {
  permission: string;
  /** The toggle's name in Ashby's API key settings. */
  label: string;
  breaks: string;
  /** Without an essential permission Skima cannot do its job at all. */
  essential: boolean;
}

export const NEEDED_PERMISSIONS: NeededPermission[] = [
  {
    permission: 'candidatesRead',
    label: 'Candidates: read',
    breaks: 'reading applications, candidates and resumes, so nothing is screened',
    essential: true,
  },
  {
    permission: 'jobsRead',
    label: 'Jobs: read',
    breaks: 'reading jobs and their descriptions, so nothing can be scored',
    essential: true,
  },
  {
    permission: 'candidatesWrite',
    label: 'Candidates: write',
    breaks: 'writing scores, reasons, shortlist links, notes and the tag back to Ashby',
    essential: true,
  },
  {
    permission: 'organizationRead',
    label: 'Organization: read',
    breaks: 'matching Slack and Teams users to Ashby users, so nobody may see a shortlist',
    essential: true,
  },
  {
    permission: 'hiringProcessMetadataRead',
    label: 'Hiring Process Metadata: read',
    breaks: 'finding the SKIMA custom fields and tag, so write-back falls back to notes',
    essential: false,
  },
  {
    permission: 'hiringProcessMetadataWrite',
    label: 'Hiring Process Metadata: write',
    breaks: 'creating the SKIMA custom fields and tag (an admin must create them by hand)',
    essential: false,
  },
  {
    permission: 'interviewsRead',
    label: 'Interviews: read',
    breaks: 'listing interview stages for the optional stage move on Approve',
    essential: false,
  },
  {
    permission: 'apiKeysRead',
    label: 'API Keys: read',
    breaks: 'checking the key\'s own permissions and the webhooks `skima setup` created',
    essential: false,
  },
  {
    permission: 'apiKeysWrite',
    label: 'API Keys: write',
    breaks: 'creating webhooks with `skima setup --fix` (without webhooks Skima relies on polling)',
    essential: false,
  },
];

/** Permissions only some settings use: offersRead when HANDOFF_CONFIG sends an offer's files or date. */
export function optionalPermissions(handoff: HandoffConfig | undefined): NeededPermission[] {
  const usesOffers = handoff?.endpoints.some((e) =>
    e.attach.includes('offer') || Object.values(e.fields).includes('offer.startDate'));
  return usesOffers
    ? [{
        permission: 'offersRead',
        label: 'Offers: read',
        breaks: 'the offer files and start date HANDOFF_CONFIG sends with each hire (those hand-offs fail until it is on)',
        essential: false,
      }]
    : [];
}

/** `candidates:write` (apiKey.info's format) → `candidatesWrite`. */
export function permissionOfScope(scope: string): string {
  const m = /^([a-zA-Z]+):(read|write)$/.exec(scope.trim());
  if (!m) return scope.trim();
  const [, module = '', access = ''] = m;
  return `${module}${access === 'read' ? 'Read' : 'Write'}`;
}

/**
 * When the key may not read its own scopes, the read permissions can still be told apart by a harmless
 * read each; write permissions cannot be probed without writing, so they stay unknown.
 */
export async function probeReadPermissions(
  client: AshbyClient,
  needed: NeededPermission[] = NEEDED_PERMISSIONS,
): Promise<{ granted: Set<string>; unknown: Set<string> }> {
  const probes: Record<string, () => Promise<unknown>> = {
    ...(needed.some((p) => p.permission === 'offersRead') ? { offersRead: () => client.offer.list({ limit: 1 }).next() } : {}),
    candidatesRead: () => client.application.pages({ limit: 1 }).next(),
    jobsRead: () => client.job.pages({ limit: 1 }).next(),
    organizationRead: () => client.user.list({ limit: 1 }).next(),
    hiringProcessMetadataRead: () => client.archiveReason.list(),
    interviewsRead: () => client.interviewPlan.list({ limit: 1 }).next(),
  };
  const granted = new Set<string>();
  for (const [permission, probe] of Object.entries(probes)) {
    try {
      await probe();
      granted.add(permission);
    } catch (err) {
      if (!(err instanceof AshbyPermissionError)) throw err;
    }
  }
  const unknown = new Set(
    needed.map((p) => p.permission).filter((p) => !(p in probes) && p !== 'apiKeysRead'),
  );
  return { granted, unknown };
}
