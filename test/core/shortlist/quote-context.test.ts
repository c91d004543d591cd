import { describe, expect, it } from 'vitest';
import {
  identifierPatterns,
  personalDataMask,
  quoteInContext,
  REDACTED,
  scrubIdentifiers,
} from '../../../src/core/shortlist/quote-context.ts';
import { memberName } from '../../../src/core/people/hiring-team.ts';

const RESUME = [
  'Jordan Blake',
  'jordan.blake@example.com | (645) 555-5336 | Leeds',
  'Store Lead',
  'Ran the tills with Jordan\'s team of 12 and cut queue times by 20% in 2023.',
  'Trained new staff on POS and stock counts.',
  'SKILLS',
  'POS, merchandising, cash handling',
].join('\n');

const reasonAt = (quote: string) => {
  const start = RESUME.indexOf(quote);
  return { quote, start, end: start + quote.length };
};
const patterns = identifierPatterns({ name: 'Jordan Blake', primaryEmail: 'jordan.blake@example.com' });
const mask = personalDataMask(RESUME, patterns);

describe('a quote in context', () => {
  it('shows the line before and after the quote, from the text the offsets refer to', () => {
    const ctx = quoteInContext(RESUME, reasonAt('Trained new staff on POS'), null);
    expect(ctx.quote).toBe('Trained new staff on POS');
    expect(ctx.before).toBe('Ran the tills with Jordan\'s team of 12 and cut queue times by 20% in 2023.\n');
    expect(ctx.after).toBe(' and stock counts.\nSKILLS');
  });

  it('in redaction mode masks the name, email and phone wherever they are, even where the scorer missed them', () => {
    const ctx = quoteInContext(RESUME, reasonAt('Store Lead'), mask);
    const shown = `${ctx.before}${ctx.quote}${ctx.after}`;
    expect(shown).not.toMatch(/Jordan|Blake|example\.com|555/);
    expect(shown).toContain(REDACTED);
    expect(ctx.quote).toBe('Store Lead');
    expect(ctx.after).toBe(`\nRan the tills with ${REDACTED} team of 12 and cut queue times by 20% in 2023.`);
  });

  it('masks the candidate\'s name where the scorer\'s stripping does not see it', () => {
    const text = 'Experienced store lead.\nKnown to colleagues as Jordan.\nRan the tills on Saturdays.';
    const quote = 'Ran the tills';
    const reason = { quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length };
    expect(quoteInContext(text, reason, personalDataMask(text, [])).before).toContain('Jordan');
    expect(quoteInContext(text, reason, personalDataMask(text, patterns)).before).toBe(
      `Known to colleagues as ${REDACTED}.\n`,
    );
  });

  it('finds a quote whose offsets no longer fit, and shows a lone quote when it is not in the text', () => {
    const moved = { quote: 'cash handling', start: 0, end: 13 };
    expect(quoteInContext(RESUME, moved, null).before).toBe('SKILLS\nPOS, merchandising, ');
    expect(quoteInContext(RESUME, { quote: 'Jordan Blake led', start: 0, end: 16 }, mask)).toEqual({
      before: '',
      quote: REDACTED,
      after: '',
    });
  });

  it('scrubs short texts of the candidate\'s identifiers and any email or phone, keeping years', () => {
    expect(scrubIdentifiers('Blake: call +44 20 7946 0958 or a@b.io, 2019 - 2023', patterns)).toBe(
      `${REDACTED}: call ${REDACTED} or ${REDACTED}, 2019 - 2023`,
    );
  });
});

describe('reviewer names', () => {
  it('are the hiring team member\'s full name, else their email, else the id', () => {
    expect(memberName({ userId: 'u1', role: 'Hiring Manager', firstName: 'Dana', lastName: 'Lee' }, 'u1')).toBe('Dana Lee');
    expect(memberName({ userId: 'u1', role: 'Hiring Manager', email: 'dana@x.io' }, 'u1')).toBe('dana@x.io');
    expect(memberName(undefined, 'u1')).toBe('u1');
  });
});
