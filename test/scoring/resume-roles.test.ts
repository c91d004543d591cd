import { describe, expect, it } from 'vitest';
import { parseResume } from '../../src/scoring/resume-parse.ts';
import { bundledSkillDictionary } from '../../src/scoring/skills/dictionary.ts';
import { monthOf } from '../../src/scoring/text/dates.ts';

const dictionary = bundledSkillDictionary();
const read = (text: string) => parseResume(text, dictionary, monthOf(new Date('2026-12-01T00:00:00Z')));

describe('a role\'s title where the resume writes it', () => {
  it.each([
    ['Java Developer, Acme (2019 - 2023)', 'Java Developer, Acme'],
    ['Four years (2016 - 2020) as a Java Developer', 'a Java Developer'],
    // After the dates, the title ends where the description starts.
    ['2019 - 2023: Nurse, City Hospital', 'Nurse'],
    ['2015 - 2019:  Sr .Net Developer', 'Sr .Net Developer'],
    ['2014 - 2017: Worked as a Help Desk Technical Support working the night shift', 'Help Desk Technical Support'],
    ['2022-2023: Logisticians at ProLogistics. Responsible for logistics processes.', 'Logisticians'],
    // A bracket the title closes stays; one it leaves open before the dates goes.
    ['Full Stack Developer (JavaScript/C#) 2019 - 2023', 'Full Stack Developer (JavaScript/C#)'],
    ['Senior Developer (Contract, 2019 - 2023)', 'Senior Developer'],
  ])('"%s" is a role titled "%s"', (line, title) => {
    expect(read(`Experience\n${line}`).roles.map((r) => r.title)).toEqual([title]);
  });

  it.each([
    // One line names the role, the other the employer; only "Worked as" would say which. The part
    // naming a role (a title's head noun: Engineer, Manager, Nurse) comes first.
    ['Senior Software Engineer\nJan 2019 - Present: Acme Corp', 'Senior Software Engineer, Acme Corp'],
    ['Senior Software Engineer\nJan 2019 - Present | Acme Corp', 'Senior Software Engineer, Acme Corp'],
    ['Northwind Traders\n2019 - 2023: Store Manager', 'Store Manager, Northwind Traders'],
    ['Northwind Traders\n2019 - 2023: Worked as a Store Manager', 'Store Manager'],
    // The employer before the dates, the title on the line above (or the other way round).
    ['Senior Software Engineer\nAcme Corp | Jan 2019 - Present', 'Senior Software Engineer, Acme Corp'],
    ['Senior Software Engineer\nAcme Corp, Seattle WA          Jan 2019 – Present', 'Senior Software Engineer, Acme Corp, Seattle WA'],
    ['Acme Corp\nSenior Software Engineer | Jan 2019 - Present', 'Senior Software Engineer, Acme Corp'],
    // LinkedIn's export: title, employer, then the dates with how long they lasted.
    ['Senior Software Engineer\nAcme Corp\nJanuary 2019 - Present (7 years 11 months)', 'Senior Software Engineer, Acme Corp'],
    ['Acme Corp\nSenior Software Engineer\nJan 2019 - Present · 7 yrs 11 mos', 'Senior Software Engineer, Acme Corp'],
    // Labelled fields: the labels name no role, and "Years:" labels the dates.
    ['Company: XYZ Ltd.\nRole: Mobile Application Architect\nExperience: 2021 - 2022', 'Mobile Application Architect, XYZ Ltd'],
    ['Position: Structural Iron and Steel Workers\nCompany: Buildright Inc\nYears: 2015-2017', 'Structural Iron and Steel Workers, Buildright Inc'],
    ['**Position:** Java Developer (Core Java)\n**Organization:** Confidential\nYears of service: 2016 - 2019', 'Java Developer (Core Java), Confidential'],
    ['End User Support (2PM-10PM)\nCompany: (2017 - 2021)', 'End User Support (2PM-10PM)'],
  ])('reads the lines above too when they may name the role (%#)', (lines, title) => {
    expect(read(`Experience\n${lines}\n- Ran a team of 12`).roles.map((r) => r.title)).toEqual([title]);
  });

  it('reads each role of a resume that puts the title above the employer and its dates', () => {
    const resume = read([
      'Experience',
      'Senior Backend Engineer',
      'Amazon | 2018 - present',
      '- Built Node.js services on AWS',
      // No blank line: a title under the last bullet heads the next role when it names one.
      'Backend Engineer',
      'Shopify | 2013 - 2018',
      '- Ran Kubernetes clusters',
    ].join('\n'));
    expect(resume.roles.map((r) => r.title)).toEqual(['Senior Backend Engineer, Amazon', 'Backend Engineer, Shopify']);
    // The role's line, quoted as its evidence, is the one naming it.
    expect(resume.roles.map((r) => r.line.text)).toEqual(['Senior Backend Engineer', 'Backend Engineer']);
  });

  it('reads the title of a role written after its dates and the duration LinkedIn adds, not the duration', () => {
    expect(read('Experience\nShopify\nBackend Engineer\nJan 2013 - Dec 2017 (5 years)').roles[0]?.title)
      .toBe('Backend Engineer, Shopify');
    expect(read('Experience\nJan 2013 - Dec 2017 (5 years) Backend Engineer').roles[0]?.title).toBe('Backend Engineer');
  });

  it('reads the title on the line below dates that stand alone, and never takes the role before\'s last bullet for one', () => {
    const resume = read([
      'Experience',
      'Jan 2018 – Present',
      'Senior Backend Engineer, Amazon',
      '- Built Node.js services on AWS',
      '- Designed PostgreSQL schemas and tuned slow queries',
      '2013 – 2018',
      'Backend Engineer, Shopify',
      '- Ran Kubernetes clusters',
    ].join('\n'));
    expect(resume.roles.map((r) => r.title)).toEqual(['Senior Backend Engineer, Amazon', 'Backend Engineer, Shopify']);
    // The PostgreSQL bullet was the second role's title, so PostgreSQL counted as "named only in a job title".
    const postgres = [...dictionary.skills.values()].find((s) => s.label === 'PostgreSQL')!;
    expect(resume.skills.has(postgres.id)).toBe(true);
    expect(resume.titleSkills.has(postgres.id)).toBe(false);
  });

  it.each([
    // The employer with the dates, the title on the line below.
    ['Amazon, Seattle — Jan 2018 – Present\nSenior Backend Engineer', 'Senior Backend Engineer, Amazon, Seattle'],
    // A longer line naming the role, right above dates that name none.
    ['Junior Desktop Engineer / Systems Administrator at Barchester Solutions\n2017 - 2019', 'Junior Desktop Engineer / Systems Administrator'],
  ])('reads a title next to dates that name no role (%#)', (lines, title) => {
    expect(read(`Experience\n${lines}\n- Ran a team of 12`).roles.map((r) => r.title)).toEqual([title]);
  });

  it('reads dates a line break cut, with the next line', () => {
    const resume = read('Experience\nICU Registered Nurse, Lakeshore General Hospital (2019 -\npresent)\n- Critical care');
    expect(resume.roles.map((r) => [r.title, r.endMonth - r.startMonth])).toEqual([
      ['ICU Registered Nurse, Lakeshore General Hospital', monthOf(new Date('2026-12-01T00:00:00Z')) - 2019 * 12],
    ]);
  });

  it.each([
    'Experience\nAmazon (2019 - 2021)\nManaged a team of 5 engineers\nBuilt Kafka pipelines',
    'Experience\nShopify (2016 - 2019)\n- Built Kafka pipelines\nManaged a team of 5 engineers\n2019 - 2021\nAmazon',
  ])('takes no line of work done for a title, though it names a role (%#)', (text) => {
    const resume = read(text);
    expect(resume.roles.map((r) => r.title).join(' | ')).not.toMatch(/Managed/);
    expect(resume.titleStems.has('team')).toBe(false);
  });

  it('takes "Registered Nurse" under the dates for the title', () => {
    expect(read('Experience\n2019 - 2023\nRegistered Nurse, City Hospital\n- Cared for 6 patients').roles[0]?.title)
      .toBe('Registered Nurse, City Hospital');
  });

  it.each([
    // Double-spaced: a line of the role before, a blank line, then the employer and dates.
    ['Data Analyst, Acme (2019 - 2023)\n\nBuilt SQL reports in Kafka\n\nGlobex | 2016 - 2019', 'Globex'],
    // A bullet carried onto the next line that names no role.
    ['Data Analyst, Acme (2019 - 2023)\n- Built SQL reports for the\nfinance team\nGlobex | 2016 - 2019', 'Globex'],
  ])('takes no line of the role before as the next one\'s title (%#)', (lines, second) => {
    const resume = read(`Experience\n${lines}\n- Ran a team`);
    expect(resume.roles.map((r) => r.title)).toEqual(['Data Analyst, Acme', second]);
  });

  it('does not join a line of the role before to the next one\'s title written after its dates', () => {
    const resume = read('Experience\nSoftware Engineer, Acme (2019 - 2023)\nBuilt services in Kafka\n2016 - 2019: Data Analyst\nSQL reports');
    expect(resume.roles.map((r) => r.title)).toEqual(['Software Engineer, Acme', 'Data Analyst']);
    const kafka = [...dictionary.skills.values()].find((s) => s.label === 'Kafka' || s.label === 'Apache Kafka')!;
    expect(resume.titleSkills.has(kafka.id)).toBe(false);
  });

  it('counts the skills after a title written after the dates as used, not as part of the title', () => {
    const resume = read('Experience\n2014-2018: Worked as a Software Engineer wherein I worked significantly on C++ and Kafka.');
    expect(resume.roles[0]?.title).toBe('Software Engineer');
    const kafka = [...dictionary.skills.values()].find((s) => s.label === 'Kafka' || s.label === 'Apache Kafka');
    expect(kafka).toBeDefined();
    expect(resume.skills.has(kafka!.id)).toBe(true);
    expect(resume.titleSkills.has(kafka!.id)).toBe(false);
  });
});
