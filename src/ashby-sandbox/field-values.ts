import type { FieldDefRec } from './org-state.ts';
import { SandboxApiError } from './sandbox-error.ts';

const bad = (field: FieldDefRec, why: string) =>
  new SandboxApiError('invalid_input', `Invalid value for custom field "${field.title}" (${field.fieldType}): ${why}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ashby's value rules per field type (see customField.setValue). Notably a ValueSelect takes the
 * option's value, never its label. Returns the value to store.
 */
export function validateFieldValue(field: FieldDefRec, value: unknown): unknown {
  if (value === null) return null;
  const options = (field.selectableValues ?? []).filter((o) => !o.isArchived);
  switch (field.fieldType) {
    case 'Boolean':
      if (typeof value !== 'boolean') throw bad(field, 'expected true or false');
      return value;
    case 'Number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(field, 'expected a number');
      return value;
    case 'String':
    case 'LongText':
      if (typeof value !== 'string') throw bad(field, 'expected a string');
      return value;
    case 'Url':
      if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value)) throw bad(field, 'expected an http(s) URL');
      return value;
    case 'Date':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad(field, 'expected an ISO date string');
      return value;
    case 'UUID':
      if (typeof value !== 'string' || !UUID.test(value)) throw bad(field, 'expected a UUID');
      return value;
    case 'ValueSelect': {
      if (typeof value !== 'string') throw bad(field, 'expected the value of one option');
      if (!options.some((o) => o.value === value)) {
        const byLabel = options.find((o) => o.label === value);
        throw bad(
          field,
          byLabel ? `"${value}" is a label; send the option's value "${byLabel.value}"` : `"${value}" is not an option`,
        );
      }
      return value;
    }
    case 'MultiValueSelect': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && options.some((o) => o.value === v))) {
        throw bad(field, 'expected an array of option values');
      }
      return value;
    }
    case 'Currency':
      if (
        !isObject(value)
        || typeof value.value !== 'number'
        || typeof value.currencyCode !== 'string'
        || !/^[A-Z]{3}$/.test(value.currencyCode)
      ) {
        throw bad(field, 'expected {value, currencyCode}');
      }
      return value;
    case 'NumberRange':
      if (
        !isObject(value)
        || value.type !== 'number-range'
        || typeof value.minValue !== 'number'
        || typeof value.maxValue !== 'number'
      ) {
        throw bad(field, 'expected {type: "number-range", minValue, maxValue}');
      }
      return value;
    case 'CompensationRange':
      if (
        !isObject(value)
        || value.type !== 'compensation-range'
        || typeof value.minValue !== 'number'
        || typeof value.maxValue !== 'number'
        || typeof value.currencyCode !== 'string'
        || typeof value.interval !== 'string'
      ) {
        throw bad(field, 'expected {type: "compensation-range", minValue, maxValue, currencyCode, interval}');
      }
      return value;
    default:
      throw bad(field, 'this field type cannot be set through the API');
  }
}
