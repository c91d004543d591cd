// The date ranges a resume writes its roles with, as months worked (a bare year range counts years).
import { describe, expect, it } from 'vitest';
import { findDateRanges, monthOf } from '../../src/scoring/text/dates.ts';

const asOf = monthOf(new Date('2026-12-01T00:00:00Z'));
const monthsIn = (text: string) => findDateRanges(text, asOf).map((r) => r.endMonth - r.startMonth);

describe('date ranges', () => {
  it.each([
    ['2019 - 2023', 48],
    ['Jan 2019 – Mar 2022', 38],
    ['Jan. 2019 - Sept. 2021', 32],
    ['03/2018 to present', 105],
    ['June 2019–present', 90],
    ['Feb 2020 — Ongoing', 82],
    ['03.2019 – 05.2021', 26],
    // Year first, as forms and ISO dates write it.
    ['2019-01 – 2021-03', 26],
    ['2019/01 - 2021/03', 26],
    ['2019-01-15 – 2021-03-31', 26],
    ['2019-12 - 2021', 13],
  ])('"%s" covers %i months', (text, months) => {
    expect(monthsIn(text)).toEqual([months]);
  });

  it.each(['2015-16', 'Graduated 2019', '2019-13 - 2021', 'Mar 2030 - Jan 2020'])('"%s" is no range', (text) => {
    expect(monthsIn(text)).toEqual([]);
  });
});
