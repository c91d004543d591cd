import { createHash } from 'node:crypto';
import { AshbyPermissionError, type AshbyClient } from '../ashby/index.ts';
import type { Db } from '../db/client.ts';
import type { AshbyTargets, SkimaField } from './ashby-fields.ts';
import { renderEvidencePdf } from './evidence-pdf.ts';
import type { Logger } from './logger.ts';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');

export interface WritebackDeps {
  db: Db;
  client: AshbyClient;
  log: Logger;
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
      const rows = await this.deps.db.writebackState.findMany({ where: { applicationId } });
      states = new Map(rows.map((r) => [r.field, r.valueHash]));
      this.known.set(applicationId, states);
    }
    return states.get(field);
  }

  private async record(applicationId: string, field: string, valueHash: string): Promise<void> {
    await this.recordMany(applicationId, [{ field, valueHash }]);
  }

  /** Records several writes in one transaction (one commit instead of one per field). */
  private async recordMany(applicationId: string, rows: { field: string; valueHash: string }[]): Promise<void> {
    // `written()` ran first for every field, so which rows exist is known: insert the new ones and
    // update the others, cheaper than an upsert each.
    const states = this.known.get(applicationId) ?? new Map<string, string>();
    const fresh = rows.filter((r) => !states.has(r.field));
    const changed = rows.filter((r) => states.has(r.field));
    const db = this.deps.db;
    // One `create` per row, not `createMany`: Prisma caches the query plan of a `create`, but compiles
    // every `createMany` afresh (its rows are not parameterised), which cost more than the insert.
    const create = fresh.map((r) =>
      db.writebackState.create({ data: { applicationId, ...r }, select: { field: true } }),
    );
    const update = changed.map(({ field, valueHash }) =>
      db.writebackState.update({
        where: { applicationId_field: { applicationId, field } },
        data: { valueHash, writtenAt: new Date() },
      }),
    );
    const writes = [...create, ...update];
    // One statement is atomic by itself: a transaction around it only adds a BEGIN and a COMMIT.
    await (writes.length === 1 ? writes[0]! : db.$transaction(writes)).catch(async (err: { code?: string }) => {
      // Another run recorded one of them meanwhile (a retry beside a dying worker): upsert each instead.
      if (err.code !== 'P2002') throw err;
      for (const { field, valueHash } of rows) {
        await db.writebackState.upsert({
          where: { applicationId_field: { applicationId, field } },
          create: { applicationId, field, valueHash },
          update: { valueHash, writtenAt: new Date() },
        });
      }
    });
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

  async tag(app: AppRef, tagId: string | undefined): Promise<boolean> {
    if (!tagId || (await this.written(app.applicationId, `tag:${tagId}`))) return false;
    await this.deps.client.candidate.addTag(app.candidateId, tagId);
    await this.record(app.applicationId, `tag:${tagId}`, 'added');
    return true;
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
      filename: 'SKIMA_Evidence.pdf',
      contentType: 'application/pdf',
      bytes,
    });
    await this.record(app.applicationId, 'file:SKIMA_Evidence.pdf', hash);
    return true;
  }
}
