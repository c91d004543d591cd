import { describe, expect, it } from 'vitest';
import { parseJobDescription } from '../../../src/scoring/jd/parse.ts';
import { bundledSkillDictionary } from '../../../src/scoring/skills/dictionary.ts';

const dictionary = bundledSkillDictionary();
const parse = (text: string) => parseJobDescription(text, dictionary);
const summary = (text: string) =>
  parse(text).requirements.map((r) => `${r.mustHave ? 'must' : 'nice'}: ${r.label} (${r.rule})`);

/** The demo company's Senior Backend Engineer, as Ashby publishes it. */
const BACKEND = `Senior Backend Engineer

About Northwind

Northwind Outfitters designs and sells outdoor clothing and gear through 140 stores, a fast-growing online shop and a wholesale business in eleven countries. We are 2,300 people who care about durable products.

Our Commerce Platform team runs checkout, inventory and order services that handle 40,000 orders on a peak day.

What you will do
- Design, build and operate Node.js and TypeScript services for checkout, inventory and fulfilment
- Model data in PostgreSQL and design event flows on Kafka that stay correct under retries

What you bring
- 5+ years building backend services in production
- Strong TypeScript or Node.js experience
- Relational databases (PostgreSQL preferred), including schema design and query tuning
- Experience running services on AWS or another major cloud

Nice to have
- Kafka or another event streaming platform
- Kubernetes and Terraform

Compensation: $150K – $185K • Offers Bonus

Benefits

We offer health, dental and vision cover from day one, a 401(k) match and a learning budget. Northwind is an equal opportunity employer.`;

describe('reading a job description', () => {
  it('only requirement sections make requirements: not the company, the duties, benefits or legal text', () => {
    expect(summary(BACKEND)).toEqual([
      'must: 5+ years building backend services in production (requirements section)',
      'must: TypeScript or Node.js experience (requirements section)',
      'must: Relational databases (requirements section)',
      'nice: PostgreSQL (preference in parentheses)',
      'must: Running services on AWS or another major cloud (requirements section)',
      'nice: Kafka or another event streaming platform (nice-to-have section)',
      'nice: Kubernetes and Terraform (nice-to-have section)',
    ]);
    expect(parse(BACKEND).title).toBe('Senior Backend Engineer');
  });

  it.each([
    ['Job Title\nHelp Desk Technician\n\nRequirements\n- Active Directory', 'Help Desk Technician'],
    ['## Job Title\nHelp Desk Technician\n\nRequirements\n- Active Directory', 'Help Desk Technician'],
    ['Job Title: Help Desk Technician\n\nRequirements\n- Active Directory', 'Help Desk Technician'],
    ['Help Desk Technician\n\nRequirements\n- Active Directory', 'Help Desk Technician'],
  ])('reads the title under a "Job Title" heading, not the heading (%#)', (text, title) => {
    const job = parse(text);
    expect(job.title).toBe(title);
    expect(job.titleStems).toHaveLength(3);
    expect(job.titleStems).not.toContain('titl');
  });

  it('responsibilities add context words, never requirements', () => {
    const job = parse(BACKEND);
    expect(job.stems.has('fulfil') || job.stems.has('fulfilment')).toBe(true);
    expect(job.requirements.some((r) => /fulfil|checkout/i.test(r.label))).toBe(false);
    // The company blurb adds nothing at all.
    expect(job.stems.has('wholesal')).toBe(false);
  });

  it('without headings, cue phrases decide: a sentence that asks is a requirement, one that describes is not', () => {
    const text =
      'QA Engineer\nGreyhawk builds accounting tools for 30,000 businesses. Candidates must have test automation experience with Selenium or Playwright. Performance testing with JMeter is a plus. We offer remote work.';
    expect(summary(text)).toEqual([
      'must: Test automation experience with Selenium or Playwright (cue phrase)',
      'nice: Performance testing with JMeter (preference phrase)',
    ]);
  });

  it('with a requirements section, the prose around it describes the role: context words, no requirements', () => {
    const text = [
      '## Job Title',
      'Lead Java Developer',
      '## Job Summary',
      'The candidate will primarily be focused on developing and maintaining complex Java applications. Applicants should have excellent record keeping skills.',
      '## Required Skills',
      '- Actimize',
      '- Java',
    ].join('\n');
    expect(summary(text)).toEqual(['must: Actimize (requirements section)', 'must: Java (requirements section)']);
    const job = parse(text);
    expect(job.stems.has('record') && job.stems.has('keep')).toBe(true);
    // With no requirements section, the summary's ask is a requirement; what the candidate "will
    // be focused on" is the role, not an ask.
    expect(summary(text.split('\n## Required Skills')[0]!)).toEqual(['must: Record keeping skills (cue phrase)']);
  });

  it('a nice-to-have section alone leaves the must-haves to the prose\'s cue phrases', () => {
    const text = 'Driver\nCandidates must hold a CDL Class A license.\n\nNice to have\n- Hazmat endorsement';
    expect(summary(text)[0]).toMatch(/^must: .*CDL/);
  });

  it('"application and understanding of OpenGL" asks for OpenGL: the frame is not part of the skill', () => {
    const job = parse('## Required Skills\n- Outstanding proficiency in application and understanding of OpenGL\n- Knowledge and use of SAP');
    expect(job.requirements.map((r) => r.label)).toEqual(['OpenGL', 'SAP']);
    expect(job.requirements[0]?.stems).toEqual(['opengl']);
  });

  it('a name keeps the case its owner writes it in: "iOS", not "IOS"; "dbt", not "Dbt"', () => {
    expect(summary('## Requirements\n- iOS development and releases\n- jQuery\n- data modelling\n- dbt\n- by-the-book reporting'))
      .toEqual([
        'must: iOS development and releases (requirements section)',
        'must: jQuery (requirements section)',
        'must: Data modelling (requirements section)',
        'must: dbt (requirements section)',
        'must: By-the-book reporting (requirements section)',
      ]);
  });

  it('"Research Skills: including planning, ..." is labelled by the name before the colon', () => {
    const text = '## Required Skills\n- Proficient Research Skills: Including planning, experimenting and processing data.\n- Project Management Skills: Includes starting and closing projects.';
    expect(summary(text)).toEqual([
      'must: Research Skills (requirements section)',
      'must: Project Management Skills (requirements section)',
    ]);
  });

  it('a description with nothing asked falls back to the skills it names, and says so', () => {
    expect(summary('Warehouse operations role. Forklift and WMS work on nights.')).toEqual([
      'must: Warehouse operations (skill named in an unstructured description)',
      'must: Forklift (skill named in an unstructured description)',
      'must: WMS (skill named in an unstructured description)',
    ]);
  });

  it('years asked for in general are years in the job itself', () => {
    const job = parse('Dispatcher\n\nRequirements\n- At least 2 years of experience');
    expect(job.requirements[0]?.groups[0]?.[0]?.label).toBe('Dispatcher');
  });
});
