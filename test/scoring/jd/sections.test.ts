import { describe, expect, it } from 'vitest';
import { classifyHeading, classifySentence, splitJobSections } from '../../../src/scoring/jd/sections.ts';

describe('job description sections', () => {
  it.each([
    ['About Northwind', 'company'],
    ['Who we are', 'company'],
    ['Company Overview', 'company'],
    ['About the role', 'role'],
    ['Position Summary', 'role'],
    ['The opportunity', 'role'],
    ['Responsibilities', 'duties'],
    ['Essential Functions', 'duties'],
    ['What you will do', 'duties'],
    ['Requirements', 'required'],
    ['What you bring', 'required'],
    ['What you\'ll need', 'required'],
    ['Minimum Qualifications', 'required'],
    ['Essential', 'required'],
    ['Nice to have', 'preferred'],
    ['Preferred Qualifications', 'preferred'],
    ['Bonus points', 'preferred'],
    ['Desirable', 'preferred'],
    ['What would make you stand out', 'preferred'],
    ['Benefits', 'benefits'],
    ['Perks & Benefits', 'benefits'],
    ['Why Brightpay', 'benefits'],
    ['Equal Opportunity Employer', 'legal'],
  ] as const)('heading "%s" is %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it.each([
    ['Northwind is an equal opportunity employer and welcomes applicants of every background.', 'legal'],
    ['We offer health, dental and vision cover from day one and a 401(k) match.', 'benefits'],
    ['$10,000 sign-on bonus.', 'benefits'],
    ['Northwind Outfitters designs and sells outdoor clothing through 140 stores.', 'company'],
    ['Cool Breeze Heating & Air has served the valley for 30 years.', 'company'],
    ['Candidates must have 3+ years of experience with Selenium.', 'request'],
    ['Experience with Kafka is a bonus.', 'request'],
    ['You will own services end to end.', 'context'],
    ['The candidate will primarily be focused on maintaining complex Java applications.', 'context'],
    ['The candidate will have a valid driving licence.', 'request'],
  ] as const)('sentence "%s" is %s', (sentence, kind) => {
    expect(classifySentence(sentence)).toBe(kind);
  });

  it('splits at markdown, bold, plain and inline headings; a line of other words stays content', () => {
    const sections = splitJobSections(
      [
        'Data Engineer',
        '## About us',
        'Palisade is an insurer.',
        '**What you will do**',
        '- Build pipelines',
        'Requirements: SQL; Python',
        'EPA 608 certification',
        'Nice to have',
        '• dbt',
      ].join('\n'),
    );
    expect(sections.map((s) => [s.kind, s.items.map((i) => i.text)])).toEqual([
      ['role', ['Data Engineer']],
      ['company', ['Palisade is an insurer.']],
      ['duties', ['Build pipelines']],
      ['required', ['SQL; Python', 'EPA 608 certification']],
      ['preferred', ['dbt']],
    ]);
    expect(sections[2]?.items[0]?.bullet).toBe(true);
  });
});
