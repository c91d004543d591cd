import { describe, expect, it } from 'vitest';
import { createScorer } from '../../src/scoring/scorer.ts';

/**
 * Two properties of what a hiring manager reads: each reason names one requirement (never several
 * labels merged because one skills line evidences them all), and a skill claimed only in a bare
 * skills list counts for less than the same skill used in a dated role.
 */
const JD = `Senior Platform Engineer

About us
Harbor Freight Labs builds logistics software for 300 warehouses.

What you'll do
- Build and run the services that plan deliveries

Requirements
- 5+ years building backend services in production
- Strong Python or Go experience
- Relational databases (PostgreSQL preferred), including schema design
- Experience running services on AWS or another major cloud
- Docker and Kubernetes

Nice to have
- Kafka or another event streaming platform

We are an equal opportunity employer.`;

const scorer = createScorer({ asOf: new Date('2024-06-01T00:00:00Z') });

describe('reasons', () => {
  const skillsLine = `Dana Ortiz
Summary
Backend engineer.
Experience
Backend Engineer, Parcelly (2016 - 2024)
- Built delivery-planning services and their APIs; on call for them
Skills
Python, Go, PostgreSQL, MySQL, AWS, Docker, Kubernetes, Kafka`;

  it('each name one requirement, by its label, with a verbatim quote; distinct requirements; 3-5 of them', () => {
    const job = scorer.parseJob(JD);
    const labels = job.requirements.map((r) => r.label);
    const res = scorer.score(JD, skillsLine);
    expect(res.reasons.length).toBeGreaterThanOrEqual(3);
    expect(res.reasons.length).toBeLessThanOrEqual(5);
    const named: string[] = [];
    for (const r of res.reasons) {
      expect(skillsLine.slice(r.start, r.end)).toBe(r.quote);
      const label = labels.filter((l) => r.text.startsWith(`${l}: `));
      expect(label, r.text).toHaveLength(1);
      // Only that label: no other requirement's label is joined to it ("A; B: ...").
      for (const other of labels) if (other !== label[0]) expect(r.text.includes(`; ${other}`), r.text).toBe(false);
      expect(r.text.slice(label[0]!.length + 2).includes(': '), r.text).toBe(false);
      named.push(label[0]!);
    }
    expect(new Set(named).size).toBe(named.length);
    // A category asked for is shown by what the resume names for it.
    expect(res.reasons.map((r) => r.text)).toContain('Relational databases: PostgreSQL, in the skills list');
  });

  it('give no second bullet for a requirement met by the words another bullet already shows on that line', () => {
    const resume = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
- PostgreSQL lead for the orders database
- Ran the delivery services on AWS`;
    const texts = scorer.score(JD, resume).reasons.map((r) => r.text);
    expect(texts).toContain('Relational databases: PostgreSQL, in a role');
    // "(PostgreSQL preferred)" is met by the same word on the same line: nothing new to say.
    expect(texts.filter((t) => t.startsWith('PostgreSQL: '))).toEqual([]);
  });

  it('quote a bullet a PDF wrapped onto two lines whole, not its second half alone', () => {
    // Two-column PDFs wrap long bullets; "PostgreSQL for the billing team" alone hides what was done.
    const resume = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
• Owned Kafka for the region and moved the orders database onto
PostgreSQL for billing
• Ran the delivery services on AWS

Skills: Kafka`;
    const reason = scorer.score(JD, resume).reasons.find((r) => r.text.startsWith('Relational databases'))!;
    expect(reason.quote).toBe('Owned Kafka for the region and moved the orders database onto\nPostgreSQL for billing');
    expect(resume.slice(reason.start, reason.end)).toBe(reason.quote);
    // A line after a blank line, or under a dated role, starts afresh.
    const apart = scorer.score(JD, resume.replace('onto\nPostgreSQL', 'onto\n\nPostgreSQL')).reasons;
    expect(apart.find((r) => r.text.startsWith('Relational databases'))!.quote).toBe('PostgreSQL for billing');
  });

  it('quote the rest of a bullet a PDF wrapped onto the line below, not a sentence cut off', () => {
    const resume = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
• Led a project combining PostgreSQL and Python that saved USD
193K a year
• Ran the delivery services on AWS`;
    const reason = scorer.score(JD, resume).reasons.find((r) => r.text.startsWith('Relational databases'))!;
    expect(reason.quote).toBe('Led a project combining PostgreSQL and Python that saved USD\n193K a year');
    expect(resume.slice(reason.start, reason.end)).toBe(reason.quote);
    // The next role's title, its dates on the line after, is not the rest of the bullet.
    const nextRole = `Experience
Backend Engineer — Parcel Works
2021 – 2024
• Cut errors by 24% after reworking our PostgreSQL process
Software Engineer — Costco
2016 – 2021
• Ran the delivery services on AWS`;
    const own = scorer.score(JD, nextRole).reasons.find((r) => r.text.startsWith('Relational databases'))!;
    expect(own.quote).toBe('Cut errors by 24% after reworking our PostgreSQL process');
    const years = scorer.score(JD, nextRole).reasons.find((r) => r.text.startsWith('5+ years'));
    expect(years?.quote).not.toContain('Cut errors');
  });

  it('credit no skill named as someone else\'s speciality, even when a PDF wrapped it onto its own line', () => {
    const resume = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
• Owned Kafka for the region, working closely with the
PostgreSQL lead
• Ran the delivery services on AWS

Skills: Kafka`;
    const result = scorer.score(JD, resume);
    expect(result.reasons.map((r) => r.text)).not.toContainEqual(expect.stringMatching(/^Relational databases/));
    expect(result.missing).toContain('Relational databases');
  });
});

describe('evidence in roles against a bare skills list', () => {
  // 13 years of backend roles whose work names the skills, no skills list.
  const seasoned = `Sam Reyes
Experience
Senior Backend Engineer, Northline Freight (2015 - 2024)
- Built Python and Go services for route planning on AWS, deployed with Docker and Kubernetes
- Designed the PostgreSQL schema for orders and tuned its slowest queries
Backend Engineer, Cargo Systems (2011 - 2015)
- Built Python APIs on AWS for shipment tracking, backed by PostgreSQL`;
  // 5 years in one role described in general words; every skill named only in a skills list.
  const listed = `Alex Kim
Experience
Backend Engineer, Parcel Works (2019 - 2024)
- Worked on the backend team and took part in on-call rotations
Skills
Python, Go, PostgreSQL, AWS, Docker, Kubernetes, Kafka, schema design, backend services, production`;

  it('a candidate with 13 years of roles using the skills ranks above one with 5 years and the skills only listed', () => {
    const a = scorer.score(JD, seasoned);
    const b = scorer.score(JD, listed);
    expect(a.missing).toEqual([]);
    expect(a.features['raw']).toBeGreaterThan(b.features['raw']!);
  });

  it('the same skill counts for more in a role than only in the skills list, all else equal', () => {
    const role = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
- Built Python services on AWS with Docker and Kubernetes; PostgreSQL schema design
Skills
Teamwork`;
    const list = `Experience
Backend Engineer, Parcel Works (2016 - 2024)
- Built services
Skills
Python, AWS, Docker, Kubernetes, PostgreSQL schema design`;
    const inRole = scorer.score(JD, role);
    const inList = scorer.score(JD, list);
    expect(inRole.missing).toEqual(inList.missing);
    expect(inRole.features['raw']).toBeGreaterThan(inList.features['raw']!);
  });
});

describe('where a reason says the evidence is', () => {
  it('a summary a two-column PDF put under the sidebar\'s EDUCATION is "in the summary", not "in education"', () => {
    const salesJd = `Account Executive\n\nRequirements\n- 3+ years of B2B sales with a quota\n- Salesforce or a similar CRM\n- Territory planning`;
    const resume = `Isaac Castillo
SKILLS
B2B sales
EDUCATION
A.A.S. Logistics
Community College of Denver,
2012
Senior Account Executive
Senior account executive with 11 years of experience in B2B sales,
Salesforce, account management.
EXPERIENCE
Account Executive — Chewy
2021 – present
• Cut errors by 42% after reworking our B2B sales process`;
    const reasons = scorer.score(salesJd, resume).reasons.map((r) => r.text);
    expect(reasons).toContain('Salesforce or a similar CRM: Salesforce, in the summary');
    expect(reasons.join('\n')).not.toContain('in education');
  });

  it('gives no \'partly\' for a job\'s condition, nor for a skill whose words are only a job title\'s', () => {
    const retailJd = `Retail Store Associate\n\nRequirements\n- POS experience\n- Customer-facing experience in retail\n- Availability for weekend shifts`;
    const resume = `Chen Cohen
Senior Shift Lead
EXPERIENCE
Shift Lead, Cascade Health 2019 – present
• Trained 55 new colleagues on visual merchandising and POS systems
Retail Associate, Wayfair 2017 – 2019
• Served 80 customers a day`;
    const reasons = scorer.score(retailJd, resume).reasons.map((r) => r.text);
    expect(reasons.some((t) => t.startsWith('Availability for weekend shifts'))).toBe(false);
  });

  it('says which of the job\'s words a related line holds, in the resume\'s words', () => {
    const job = 'Warehouse Lead\n\nRequirements\n- Inventory cycle counts\n- SAP EWM\n- Forklift certification';
    const resume = 'Experience\nWarehouse Associate, Northwind (2019 - 2023)\n- Ran inventory cycle counts for 3 aisles\n'
      + '- Kept Inventory records accurate for weekly audits';
    const related = scorer.score(job, resume).reasons.find((r) => r.text.startsWith('Related to this job'));
    expect(related).toMatchObject({
      text: 'Related to this job: Inventory, in a role',
      quote: 'Kept Inventory records accurate for weekly audits',
    });
  });

  it('gives the years of roles the resume leaves untitled without an empty title', () => {
    const resume = 'Experience\n2015 - 2023\n- Built backend services in Python on AWS with PostgreSQL, Docker and Kubernetes';
    const years = scorer.score(JD, resume).reasons.find((r) => r.text.startsWith('5+ years'));
    expect(years?.text).toBe('5+ years building backend services in production: 8 yrs');
  });

  it('reads a bullet a PDF wrapped over two lines as one piece of evidence, and quotes it whole', () => {
    const job = 'Recruiter\n\nRequirements\n- High-volume hiring experience\n- Greenhouse or another ATS';
    const resume = 'Experience\nRecruiter, Sunrise Senior Living (2021 - present)\n'
      + '- Full-cycle recruiting for 30 communities; high-volume\nhiring of 250 caregivers a year\n- Managed pipelines in Greenhouse';
    const result = scorer.score(job, resume);
    expect(result.missing).toEqual([]);
    const reason = result.reasons.find((r) => r.text.startsWith('High-volume hiring'));
    expect(reason?.quote).toBe('Full-cycle recruiting for 30 communities; high-volume\nhiring of 250 caregivers a year');
  });

  it.each([
    ['Accountant with ten years of experience in accounting and a CPA.', '10 yrs stated'],
    ['Accountant with over a decade of accounting experience; CPA.', '10 yrs stated'],
    ['Accountant with 12+ years in accounting; CPA.', '12 yrs stated'],
  ])('reads the years a resume states in words or digits: "%s"', (summary, shows) => {
    const job = 'Staff Accountant\n\nRequirements\n- Five years of experience in accounting\n- CPA';
    const result = scorer.score(job, `Summary\n${summary}`);
    expect(result.missing).toEqual([]);
    expect(result.reasons[0]?.text).toBe(`Five years of experience in accounting: ${shows}`);
  });
});
