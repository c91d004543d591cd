import { type AshbyClient, AshbyPermissionError } from '../ashby/index.ts';
import type { Logger } from './logger.ts';

/** The custom fields and tag Skima writes; titles are what an Ashby admin sees. */
export const SKIMA_FIELDS = {
  score: { title: 'SKIMA Match Score', fieldType: 'Number' },
  reasons: { title: 'SKIMA Reasons', fieldType: 'LongText' },
  link: { title: 'SKIMA Shortlist Link', fieldType: 'String' },
  feedback: { title: 'SKIMA HM Feedback', fieldType: 'ValueSelect' },
  comment: { title: 'SKIMA HM Comment', fieldType: 'String' },
} as const;
export const SKIMA_TAG = 'SKIMA Screened';
export const FEEDBACK_OPTIONS = ['👍', '👎', 'Maybe'] as const;

export type SkimaField = keyof typeof SKIMA_FIELDS;

export interface AshbyTargets {
  /** Field ids by role; a missing role means "write a note instead". */
  fields: Partial<Record<SkimaField, { id: string; options?: { label: string; value: string }[] }>>;
  tagId?: string;
  /** Why something is missing, for `/skima setup` and the logs. */
  problems: string[];
}

/**
 * Finds Skima's custom fields (Application fields, matched by title) and its tag, creating what is
 * missing when the key may. Cached per process for a few minutes: every application needs it.
 */
export class AshbyTargetsCache {
  private cached?: { at: number; value: Promise<AshbyTargets> };

  constructor(
    private readonly client: AshbyClient,
    private readonly log: Logger,
    private readonly options: { tag: boolean; ttlMs?: number } = { tag: true },
  ) {}

  get(): Promise<AshbyTargets> {
    if (!this.cached || Date.now() - this.cached.at > (this.options.ttlMs ?? 5 * 60_000)) {
      const value = this.resolve();
      this.cached = { at: Date.now(), value };
      value.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async resolve(): Promise<AshbyTargets> {
    const targets: AshbyTargets = { fields: {}, problems: [] };
    const existing = new Map<string, { id: string; objectType: string; selectableValues?: unknown }>();
    for await (const field of this.client.customField.list()) {
      if (!field.isArchived) existing.set(`${field.objectType}:${field.title}`, field);
    }
    for (const [role, spec] of Object.entries(SKIMA_FIELDS) as [SkimaField, (typeof SKIMA_FIELDS)[SkimaField]][]) {
      let field = existing.get(`Application:${spec.title}`);
      if (!field) {
        try {
          field = await this.client.customField.create({
            objectType: 'Application',
            title: spec.title,
            fieldType: spec.fieldType,
            ...(spec.fieldType === 'ValueSelect'
              ? { selectableValues: FEEDBACK_OPTIONS.map((o) => ({ label: o, value: o })) }
              : {}),
          });
          this.log.info({ field: spec.title }, 'created an Ashby custom field');
        } catch (err) {
          const why = err instanceof AshbyPermissionError ? 'the API key may not create custom fields' : String(err);
          targets.problems.push(`custom field "${spec.title}" is missing and could not be created: ${why}`);
          continue;
        }
      }
      const options = Array.isArray(field.selectableValues)
        ? (field.selectableValues as { label: string; value: string }[])
        : undefined;
      targets.fields[role] = { id: field.id, ...(options ? { options } : {}) };
    }
    // ASHBY_TAG=off: no tag, so no call for it either.
    if (this.options.tag) {
      try {
        targets.tagId = (await this.client.candidateTag.create(SKIMA_TAG)).id;
      } catch (err) {
        targets.problems.push(`tag "${SKIMA_TAG}" could not be created: ${String(err)}`);
      }
    }
    if (targets.problems.length) this.log.warn({ problems: targets.problems }, 'Ashby is missing what Skima writes');
    return targets;
  }
}
