// Working days for reminders: weekends (UTC) do not count.
import { describe, expect, it } from 'vitest';
import { isWorkingDay, workingDaysBetween } from '../../../src/core/nudges/working-days.ts';

const at = (iso: string) => new Date(iso);

describe('workingDaysBetween', () => {
  it('counts weekdays in full and fractions of a day', () => {
    expect(workingDaysBetween(at('2026-12-01T10:00:00Z'), at('2026-12-03T10:00:00Z'))).toBe(2); // Tue -> Thu
    expect(workingDaysBetween(at('2026-12-01T10:00:00Z'), at('2026-12-01T22:00:00Z'))).toBe(0.5);
  });

  it('skips the weekend: Friday 10:00 to Tuesday 10:00 is two working days', () => {
    expect(workingDaysBetween(at('2026-12-04T10:00:00Z'), at('2026-12-08T10:00:00Z'))).toBe(2);
    expect(workingDaysBetween(at('2026-12-04T10:00:00Z'), at('2026-12-07T10:00:00Z'))).toBeCloseTo(1, 10);
  });

  it('a wait that lies within a weekend is no wait at all', () => {
    expect(workingDaysBetween(at('2026-12-05T08:00:00Z'), at('2026-12-06T23:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2026-12-05T12:00:00Z'), at('2026-12-08T00:00:00Z'))).toBe(1); // Sat -> Tue 00:00
  });

  it('is zero when the end is not after the start', () => {
    expect(workingDaysBetween(at('2026-12-03T10:00:00Z'), at('2026-12-01T10:00:00Z'))).toBe(0);
  });

  it('knows weekends', () => {
    expect(isWorkingDay(at('2026-12-05T12:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(at('2026-12-06T23:59:00Z'))).toBe(false); // Sunday
    expect(isWorkingDay(at('2026-12-07T00:00:00Z'))).toBe(true); // Monday
  });
});
