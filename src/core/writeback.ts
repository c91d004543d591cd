import { createHash } from 'node:crypto';
import { AshbyPermissionError, type AshbyClient } from '../ashby/index.ts';
import type { Db } from '../db/client.ts';
import { rawSql } from '../db/raw-sql.ts';
import type { AshbyTargets, SkimaField } from './ashby-fields.ts';
import { evidenceFilename, renderEvidencePdf } from './evidence-pdf.ts';
import type { Logger } from './logger.ts';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');

// Raw SQL: every screening reads these and records three or four (see db/raw-sql.ts).
const STATES = `SELECT "field", "valueHash" FROM "WritebackState" WHERE "applicationId" = ?`;
const CANDIDATE_TAGGED = `SELECT 1 AS "tagged" FROM "WritebackState" w JOIN "Application" a
  ON a."id" = w."applicationId" WHERE a."candidateId" = ? AND w."field" = ? LIMIT 1`;
const recordStatements = new Map<number, string>();
/** An upsert of `rows` rows: a retry beside a dying worker may have recorded some of them already. */
function recordStatement(rows: number): string {
  let sql = recordStatements.get(rows);
  if (!sql) {
    sql = `INSERT INTO "WritebackState" ("applicationId", "field", "valueHash", "writtenAt")
      VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}
      ON CONFLICT ("applicationId", "field") DO UPDATE SET "valueHash" = excluded."valueHash",
      "writtenAt" = excluded."writtenAt"`;
    recordStatements.set(rows, sql);
  }
  return sql;
}

export interface WritebackDeps {
  db: Db;
  client: AshbyClient;
  log: Logger;
  /** An earlier run may have written without recording it (it died in between): compare the fields
   * with what Ashby holds before writing them (one application.info, on such runs only). */
  recheck?: boolean;
}

export interface AppRef {
  applicationId: string;
  candidateId: string;
}

/**
 * Idempotent writes to Ashby. Every write compares with WritebackState first and records what it
 * wrote after, so a retry writes nothing already written. Notes carry a marker and are looked for
 * before they are created, so a crash between the call and the record never duplicates one.
 */
export class Writeback {
  /** What was written, per application, read once per Writeback (one per job run). */
  private readonly known = new Map<string, Map<string, string>>();

  constructor(private readonly deps: WritebackDeps) {}

  private async written(applicationId: string, field: string): Promise<string | undefined> {
    let states = this.known.get(applicationId);
    if (!states) {
      const rows = await rawSql(this.deps.db).rows<{ field: string; valueHash: string }>(STATES, applicationId);
      states = new Map(rows.map((r) => [r.field, r.valueHash]));
      this.known.set(applicationId, states);
    }
    return states.get(field);
  }

  private async record(applicationId: string, field: string, valueHash: string): Promise<void> {
    await this.recordMany(applicationId, [{ field, valueHash }]);
  }

  /** Records several writes in one statement: one commit, and atomic without a transaction around it. */
  private async recordMany(applicationId: string, rows: { field: string; valueHash: string }[]): Promise<void> {
    const writtenAt = new Date();
    await rawSql(this.deps.db).run(
      recordStatement(rows.length),
      ...rows.flatMap((r) => [applicationId, r.field, r.valueHash, writtenAt]),
    );
    const states = this.known.get(applicationId) ?? new Map<string, string>();
    for (const r of rows) states.set(r.field, r.valueHash);
    this.known.set(applicationId, states);
  }

  /** Sets Application custom fields in one call; returns false when Ashby refused for want of permission. */
  async setFields(
    app: AppRef,
    targets: AshbyTargets,
    values: Partial<Record<SkimaField, string | number>>,
  ): Promise<{ written: number; refused: boolean }> {
    const changed: { fieldId: string; fieldValue: string | number; hash: string }[] = [];
    for (const [role, value] of Object.entries(values) as [SkimaField, string | number][]) {
      const field = targets.fields[role];
      if (!field || value === undefined) continue;
      const fieldValue = field.options ? (field.options.find((o) => o.label === value)?.value ?? value) : value;
      const hash = sha(`${fieldValue}`);
      if ((await this.written(app.applicationId, `field:${field.id}`)) === hash) continue;
      changed.push({ fieldId: field.id, fieldValue, hash });
    }
    if (this.deps.recheck && changed.length > 0) {
      const held = await this.heldInAshby(app.applicationId);
      const already = changed.filter((c) => held.has(c.fieldId)
        && String(held.get(c.fieldId)) === String(c.fieldValue));
      if (already.length) {
        await this.recordMany(app.applicationId, already.map((c) => ({ field: `field:${c.fieldId}`, valueHash: c.hash })));
        changed.splice(0, changed.length, ...changed.filter((c) => !already.includes(c)));
      }
    }
    if (changed.length === 0) return { written: 0, refused: false };
    try {
      await this.deps.client.customField.setValues({
        objectType: 'Application',
        objectId: app.applicationId,
        values: changed.map(({ fieldId, fieldValue }) => ({ fieldId, fieldValue })),
      });
    } catch (err) {
      if (err instanceof AshbyPermissionError) return { written: 0, refused: true };
      throw err;
    }
    await this.recordMany(app.applicationId, changed.map((c) => ({ field: `field:${c.fieldId}`, valueHash: c.hash })));
    return { written: changed.length, refused: false };
  }

  /** The application's custom field values as Ashby holds them now. */
  private async heldInAshby(applicationId: string): Promise<Map<string, unknown>> {
    const app = await this.deps.client.application.info(applicationId);
    return new Map((app.customFields ?? []).map((f) => [f.id, f.value]));
  }

  /** Tags the candidate, unless Skima tagged them already (through this or another of their applications):
   * the tag belongs to the candidate, and every call spends Ashby's request budget. */
  async tag(app: AppRef, tagId: string | undefined): Promise<boolean> {
    if (!tagId || (await this.written(app.applicationId, `tag:${tagId}`))) return false;
    const [tagged] = await rawSql(this.deps.db).rows(CANDIDATE_TAGGED, app.candidateId, `tag:${tagId}`);
    if (!tagged) await this.deps.client.candidate.addTag(app.candidateId, tagId);
    await this.record(app.applicationId, `tag:${tagId}`, 'added');
    return !tagged;
  }

  /** Writes a note once per (application, key, text). */
  async note(app: AppRef, key: string, text: string): Promise<boolean> {
    const hash = sha(text);
    const field = `note:${key}`;
    if ((await this.written(app.applicationId, field)) === hash) return false;
    const marker = `skima-${sha(`${app.applicationId}|${key}|${hash}`).slice(0, 12)}`;
    const value = `${text}\n(ref ${marker})`;
    let found = false;
    for await (const note of this.deps.client.candidate.listNotes(app.candidateId)) {
      if (note.content?.includes(marker)) {
        found = true;
        break;
      }
    }
    if (!found) {
      await this.deps.client.candidate.createNote({
        candidateId: app.candidateId,
        note: { type: 'text/plain', value },
        sendNotifications: false,
        idempotencyMarker: marker,
      });
    }
    await this.record(app.applicationId, field, hash);
    return !found;
  }

  /** Uploads the evidence PDF when its content changed. An upload cannot be looked up afterwards, so a
   * crash between the upload and the record can leave a second copy: harmless, never lost. */
  async evidence(app: AppRef, input: Parameters<typeof renderEvidencePdf>[0]): Promise<boolean> {
    const bytes = await renderEvidencePdf(input);
    const hash = sha(JSON.stringify({ ...input, scoredAt: input.scoredAt.toISOString() }));
    if ((await this.written(app.applicationId, 'file:SKIMA_Evidence.pdf')) === hash) return false;
    await this.deps.client.candidate.uploadFile({
      candidateId: app.candidateId,
      filename: evidenceFilename(input),
      contentType: 'application/pdf',
      bytes,
    });
    await this.record(app.applicationId, 'file:SKIMA_Evidence.pdf', hash);
    return true;
  }
}
