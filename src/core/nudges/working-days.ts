// Working-day arithmetic for reminders: Saturdays and Sundays (UTC) do not count. Pure, so tests pass
// any clock.

const DAY_MS = 24 * 3600 * 1000;

const isWeekend = (dayStart: number) => {
  const weekday = new Date(dayStart).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * How many working days lie between two instants: the time between them that falls on Monday to
 * Friday, in days. Friday 10:00 to Tuesday 10:00 is 2; Saturday to Sunday is 0.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  let start = from.getTime();
  const end = to.getTime();
  let ms = 0;
  while (start < end) {
    const dayStart = start - (((start % DAY_MS) + DAY_MS) % DAY_MS);
    const next = Math.min(dayStart + DAY_MS, end);
    if (!isWeekend(dayStart)) ms += next - start;
    start = next;
  }
  return ms / DAY_MS;
}

/** Whether an instant falls on a working day (a reminder is never sent on a weekend). */
export const isWorkingDay = (at: Date): boolean => !isWeekend(at.getTime() - (at.getTime() % DAY_MS));
