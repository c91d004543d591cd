import { type AshbyClient, type AshbyCustomFieldDefinition, AshbyPermissionError } from '../../../ashby/index.ts';
import { FEEDBACK_OPTIONS, SKIMA_FIELDS, SKIMA_TAG, type SkimaField } from '../../ashby-link/ashby-fields.ts';
import type { SetupCheck } from './types.ts';

/** What `--fix` changed in Ashby, for the audit log (kept out of this module, which only talks to Ashby). */
export interface SetupChange {
  action: string;
  subjectType: string;
  subjectId: string;
  detail: Record<string, string>;
}
export type RecordSetupChange = (change: SetupChange) => Promise<void>;
const noRecord: RecordSetupChange = async () => {};

// The shortlist link may be a Url or a String field: Ashby renders both, and older installs used String.
const ACCEPTED_TYPES: Partial<Record<SkimaField, string[]>> = { link: ['String', 'Url'] };
// Without these Skima writes a note and an evidence file instead; the others are extras.
const CORE_FIELDS: SkimaField[] = ['score', 'reasons', 'link'];

function fieldSpec(role: SkimaField) {
  return { objectType: 'Application', title: SKIMA_FIELDS[role].title, fieldType: SKIMA_FIELDS[role].fieldType };
}

async function createField(client: AshbyClient, role: SkimaField): Promise<AshbyCustomFieldDefinition> {
  const spec = fieldSpec(role);
  return client.customField.create({
    ...spec,
    ...(spec.fieldType === 'ValueSelect' ? { selectableValues: FEEDBACK_OPTIONS.map((o) => ({ label: o, value: o })) } : {}),
  });
}

/** One check per SKIMA custom field: it exists on Applications, with a type Skima can write. */
export async function checkFields(
  client: AshbyClient,
  fix: boolean,
  record: RecordSetupChange = noRecord,
): Promise<SetupCheck[]> {
  let fields: AshbyCustomFieldDefinition[];
  try {
    fields = [];
    for await (const f of client.customField.list()) if (!f.isArchived) fields.push(f);
  } catch (err) {
    if (!(err instanceof AshbyPermissionError)) throw err;
    return [
      {
        id: 'ashby.fields',
        title: 'SKIMA custom fields',
        status: 'warn',
        detail: 'The API key may not list custom fields, so Skima cannot find them and writes notes instead.',
        fix: 'Turn on "Hiring Process Metadata: read" for the API key in Ashby (Admin → API Keys), then run skima setup again.',
      },
    ];
  }
  const checks: SetupCheck[] = [];
  for (const role of Object.keys(SKIMA_FIELDS) as SkimaField[]) {
    const spec = fieldSpec(role);
    const id = `ashby.field.${role}`;
    const title = `Custom field "${spec.title}"`;
    const accepted = ACCEPTED_TYPES[role] ?? [spec.fieldType];
    const found = fields.filter((f) => f.objectType === 'Application' && f.title === spec.title);
    const usable = found.find((f) => accepted.includes(f.fieldType));
    if (usable) {
      checks.push(optionsCheck(id, title, role, usable));
      continue;
    }
    if (found.length) {
      checks.push({
        id,
        title,
        status: 'fail',
        detail: `It exists as a ${found[0]!.fieldType} field; Skima writes a ${accepted.join(' or ')} and Ashby will refuse it.`,
        fix: `In Ashby, archive the Application field "${spec.title}" and run skima setup --fix to create it as ${spec.fieldType}.`,
      });
      continue;
    }
    const missingStatus = CORE_FIELDS.includes(role) ? 'fail' : 'warn';
    const consequence = CORE_FIELDS.includes(role)
      ? 'Skima writes a candidate note and an evidence file instead.'
      : 'Hiring-manager feedback then goes into the candidate note only.';
    if (!fix) {
      checks.push({
        id,
        title,
        status: missingStatus,
        detail: `Missing on Applications. ${consequence}`,
        fix: `Run skima setup --fix, or create an Application field "${spec.title}" of type ${spec.fieldType} in Ashby.`,
      });
      continue;
    }
    try {
      const created = await createField(client, role);
      await record({
        action: 'setup.field_created',
        subjectType: 'customField',
        subjectId: created.id,
        detail: { title: spec.title, fieldType: spec.fieldType },
      });
      checks.push({ id, title, status: 'fixed', detail: `Created on Applications as ${spec.fieldType}.` });
    } catch (err) {
      if (!(err instanceof AshbyPermissionError)) throw err;
      checks.push({
        id,
        title,
        status: missingStatus,
        detail: `Missing on Applications, and the API key may not create custom fields. ${consequence}`,
        fix:
          `Turn on "Hiring Process Metadata: write" for the API key and run skima setup --fix, or create an `
          + `Application field "${spec.title}" of type ${spec.fieldType} in Ashby.`,
      });
    }
  }
  return checks;
}

function optionsCheck(id: string, title: string, role: SkimaField, field: AshbyCustomFieldDefinition): SetupCheck {
  if (role !== 'feedback') return { id, title, status: 'ok', detail: `Present (${field.fieldType}).` };
  const labels = new Set((field.selectableValues ?? []).filter((v) => !v.isArchived).map((v) => v.label));
  const lacking = FEEDBACK_OPTIONS.filter((o) => !labels.has(o));
  if (!lacking.length) return { id, title, status: 'ok', detail: 'Present (ValueSelect) with every option.' };
  return {
    id,
    title,
    status: 'warn',
    detail: `Present, but without the option(s) ${lacking.join(', ')}: those verdicts go into the note only.`,
    fix: `In Ashby, add the option(s) ${lacking.join(', ')} to the Application field "${SKIMA_FIELDS.feedback.title}".`,
  };
}

/** The `SKIMA Screened` candidate tag exists (with fix: created). */
export async function checkTag(
  client: AshbyClient,
  fix: boolean,
  record: RecordSetupChange = noRecord,
): Promise<SetupCheck> {
  const id = 'ashby.tag';
  const title = `Tag "${SKIMA_TAG}"`;
  let exists: boolean | undefined;
  try {
    exists = false;
    for await (const tag of client.candidateTag.list()) if (tag.title === SKIMA_TAG && !tag.isArchived) exists = true;
  } catch (err) {
    if (!(err instanceof AshbyPermissionError)) throw err;
    exists = undefined;
  }
  if (exists) return { id, title, status: 'ok', detail: 'Present.' };
  if (fix) {
    try {
      // Idempotent by title in Ashby: safe even when it existed but could not be listed.
      await client.candidateTag.create(SKIMA_TAG);
      const detail = { title: SKIMA_TAG };
      await record({ action: 'setup.tag_created', subjectType: 'candidateTag', subjectId: SKIMA_TAG, detail });
      return exists === undefined
        ? { id, title, status: 'ok', detail: 'Present (created if it was missing; the key may not list tags).' }
        : { id, title, status: 'fixed', detail: 'Created.' };
    } catch (err) {
      if (!(err instanceof AshbyPermissionError)) throw err;
    }
  }
  return {
    id,
    title,
    status: 'warn',
    detail:
      exists === undefined
        ? 'The API key may not list tags, so Skima cannot tell whether it exists.'
        : 'Missing: screened candidates are not tagged in Ashby.',
    fix: fix
      ? `Turn on "Hiring Process Metadata: write" for the API key, or create the candidate tag "${SKIMA_TAG}" in Ashby.`
      : `Run skima setup --fix, or create the candidate tag "${SKIMA_TAG}" in Ashby.`,
  };
}
