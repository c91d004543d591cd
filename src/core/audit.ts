import type { Db } from '../db/client.ts';

/** What happened, to what, by whom. Never personal data: ids, versions, hashes, actor, action. */
export interface AuditEntry {
  actor: string;
  action: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      detail: entry.detail ?? undefined,
    },
  });
}

/** Deletes audit events older than the retention period; returns how many. */
export async function purgeAudit(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const res = await db.auditEvent.deleteMany({ where: { at: { lt: before } } });
  return res.count;
}
