import type { Db } from '../../db/client.ts';
import { rawSql } from '../../db/raw-sql.ts';
import { timeOrderedUuid } from '../../db/time-ordered-uuid.ts';

/** What happened, to what, by whom. Never personal data: ids, versions, hashes, actor, action. */
export interface AuditEntry {
  actor: string;
  action: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, string | number | boolean | null>;
}

// Raw SQL: every screening writes one, and a model call cost twice the CPU (see db/raw-sql.ts).
const INSERT = `INSERT INTO "AuditEvent" ("id", "at", "actor", "action", "subjectType", "subjectId", "detail")
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await rawSql(db).run(INSERT, timeOrderedUuid(), new Date(), entry.actor, entry.action, entry.subjectType ?? null,
    entry.subjectId ?? null, entry.detail ? JSON.stringify(entry.detail) : null);
}

/** Deletes audit events older than the retention period; returns how many. */
export async function purgeAudit(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const res = await db.auditEvent.deleteMany({ where: { at: { lt: before } } });
  return res.count;
}
