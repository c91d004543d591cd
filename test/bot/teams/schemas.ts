// The official schemas Skima's Teams output is checked against, compiled once per test file with ajv.
// They live in the shared reference folder beside the repository (never copied in): found by walking up
// from here, so the tests run from a worktree as well as from the main checkout.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function sharedSchemaPath(file: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'schemas', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`shared/schemas/${file} not found above ${import.meta.url}`);
  }
}

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(sharedSchemaPath(file), 'utf-8')) as Record<string, unknown>;
}

let cardValidator: ValidateFunction | undefined;

/** Adaptive Card 1.5 (draft-06; strict: no unknown property passes). Ajv 8 wants `$id`, not `id`. */
export function adaptiveCardValidator(): ValidateFunction {
  if (cardValidator) return cardValidator;
  const { id, ...schema } = load('adaptive-card-1.5.schema.json');
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  cardValidator = ajv.compile({ ...schema, $id: id as string });
  return cardValidator;
}

/** The schema's errors are noisy (every `anyOf` branch reports): the first few say enough. */
export function cardErrors(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors?.slice(0, 5), null, 1);
}

let manifestValidator: ValidateFunction | undefined;

/**
 * Teams app manifest v1.30 (draft-04). Ajv 8 has no draft-04 mode; this schema uses none of draft-04's
 * differences (no `id`, no boolean `exclusiveMinimum`), so it compiles under ajv's default draft once
 * its `$schema` is dropped.
 */
export function teamsManifestValidator(): ValidateFunction {
  if (manifestValidator) return manifestValidator;
  const { $schema, ...schema } = load('teams-manifest-v1.30.schema.json');
  if ($schema !== 'http://json-schema.org/draft-04/schema#') throw new Error(`unexpected manifest schema draft ${String($schema)}`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  manifestValidator = ajv.compile(schema);
  return manifestValidator;
}
