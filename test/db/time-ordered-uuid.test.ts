import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from '../../src/db/time-ordered-uuid.ts';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 2, 1, 2, 3, 456);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts as text in the order of the times it was made at, and is unique within a millisecond', () => {
    const times = [1, 2, 255, 256, 65_535, 1_700_000_000_000, 1_800_000_000_000];
    const ids = times.map((t) => timeOrderedUuid(t));
    expect(ids.toSorted()).toEqual(ids);
    const same = Array.from({ length: 1000 }, () => timeOrderedUuid(42));
    expect(new Set(same).size).toBe(1000);
  });
});
