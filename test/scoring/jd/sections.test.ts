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

  const items = (text: string) => splitJobSections(text).flatMap((s) => s.items.map((i) => i.text));

  it.each([
    // Prose cut mid-sentence, whatever the width: the first words of a sentence the next line ends.
    ['Benefits\nHealth benefits and a clothing allowance. Pebble &\nPine is an equal opportunity employer.',
      ['Health benefits and a clothing allowance. Pebble & Pine is an equal opportunity employer.']],
    ['Perks\nBenefits include tuition reimbursement and a pension. St.\nBrendan is an equal opportunity employer.',
      ['Benefits include tuition reimbursement and a pension. St. Brendan is an equal opportunity employer.']],
    // Lower case after a comma, a number after "of", a bracket opened or explaining.
    ['Tandem welcomes applicants regardless of age, religion,\ndisability or sexual orientation.',
      ['Tandem welcomes applicants regardless of age, religion, disability or sexual orientation.']],
    ['Trellis offers parental leave of\n16 weeks.', ['Trellis offers parental leave of 16 weeks.']],
    ['Requirements\n- Network security (firewalls,\nIDS/IPS, VPN)\n- API testing\n(Postman, REST Assured)',
      ['Network security (firewalls, IDS/IPS, VPN)', 'API testing (Postman, REST Assured)']],
  ])('joins a line its wrapping cut (%#)', (text, expected) => {
    expect(items(text)).toEqual(expected);
  });

  it('in a description wrapped at a fixed width, joins the lines of an item and keeps unbulleted items apart', () => {
    const text = [
      'Support at Parcelbox helps 8,000 online shops connect their stores to our',
      'shipping platform. The ideal candidate will have strong SQL skills, a BI',
      'tool such as Tableau or Power BI and 2+ years in an analyst role.',
      '',
      'Requirements',
      'Experience with a ticketing system such as Zendesk or',
      'Freshdesk',
      'Troubleshooting APIs or integrations (webhooks, REST, logs)',
      '- Hands-on test automation experience with Selenium or',
      '  Playwright, writing tests in Java',
    ].join('\n');
    expect(items(text)).toEqual([
      'Support at Parcelbox helps 8,000 online shops connect their stores to our shipping platform. '
      + 'The ideal candidate will have strong SQL skills, a BI tool such as Tableau or Power BI and 2+ years in an analyst role.',
      'Experience with a ticketing system such as Zendesk or Freshdesk',
      'Troubleshooting APIs or integrations (webhooks, REST, logs)',
      'Hands-on test automation experience with Selenium or Playwright, writing tests in Java',
    ]);
  });

  it('keeps the lines of a description that was not wrapped as they are', () => {
    expect(items('Requirements\nEPA 608 certification\n3+ years as an HVAC technician\nvalid driver\'s license'))
      .toEqual(['EPA 608 certification', '3+ years as an HVAC technician', 'valid driver\'s license']);
  });
});
