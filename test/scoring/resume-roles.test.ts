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
  ])('"%s" is a role titled "%s"', (line, title) => {
    expect(read(`Experience\n${line}`).roles.map((r) => r.title)).toEqual([title]);
  });

  it.each([
    // One line names the role, the other the employer; only "Worked as" would say which.
    ['Senior Software Engineer\nJan 2019 - Present: Acme Corp', 'Senior Software Engineer, Acme Corp'],
    ['Senior Software Engineer\nJan 2019 - Present | Acme Corp', 'Senior Software Engineer, Acme Corp'],
    ['Northwind Traders\n2019 - 2023: Store Manager', 'Northwind Traders, Store Manager'],
    ['Northwind Traders\n2019 - 2023: Worked as a Store Manager', 'Store Manager'],
  ])('reads the line above too when it may name the role (%#)', (lines, title) => {
    expect(read(`Experience\n${lines}\n- Ran a team of 12`).roles.map((r) => r.title)).toEqual([title]);
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
