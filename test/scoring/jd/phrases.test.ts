import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../../src/scoring/jd/clauses.ts';
import { readRequirement } from '../../../src/scoring/jd/phrases.ts';
import type { Requirement } from '../../../src/scoring/jd/types.ts';
import { bundledSkillDictionary } from '../../../src/scoring/skills/dictionary.ts';

const dictionary = bundledSkillDictionary();
const read = (text: string, mustHave = true): Requirement[] =>
  readRequirement(text, { mustHave, rule: 'requirements section', dictionary });
/** "label [must|nice] term|term & term" */
const shape = (r: Requirement) =>
  `${r.label} [${r.mustHave ? 'must' : 'nice'}${r.condition ? ', condition' : ''}${r.quality ? ', quality' : ''}] ${r.groups.map((g) => g.map((t) => t.label).join('|')).join(' & ')}`;

describe('requirement phrases', () => {
  it.each([
    // Alternatives are one requirement met by any of them.
    ['Strong TypeScript or Node.js experience', ['TypeScript or Node.js experience [must] TypeScript|Node.js']],
    ['Go or Java in production', ['Go or Java in production [must] Go|Java']],
    // "another major cloud": the cloud category, met by any cloud.
    ['Experience running services on AWS or another major cloud', ['Running services on AWS or another major cloud [must] AWS|Cloud computing']],
    // "or similar": the categories of the tools named.
    ['Experience with a CRM (Salesforce, HubSpot or similar)', ['A CRM (Salesforce, HubSpot or similar) [must] CRM|Salesforce|HubSpot']],
    ['A BI tool such as Tableau or Power BI', ['A BI tool such as Tableau or Power BI [must] BI tool|Tableau|Power BI']],
    // A preference in parentheses is a nice-to-have of its own; the rest stays a must-have.
    [
      'Relational databases (PostgreSQL preferred), including schema design and query tuning',
      ['Relational databases [must] Relational databases', 'PostgreSQL [nice] PostgreSQL'],
    ],
    // Preference words make the whole phrase optional.
    ['Kafka experience is a plus', ['Kafka experience [nice] Kafka']],
    // "is crucial" says how much it matters, not what is asked.
    ['Understanding of telecommunication systems is crucial', ['Telecommunication systems [must] telecommunication systems']],
    ['Ideally, some Python', ['Some Python [nice] Python']],
    // A trailing "ideally ..." qualifies its own clause.
    ['Regression testing, ideally in banking', ['Regression testing [must] Regression testing', 'Banking [nice] banking']],
    // Names joined by "and" are each required; a shared phrase is not split.
    ['Kubernetes and Terraform', ['Kubernetes and Terraform [must] Kubernetes & Terraform']],
    ['Troubleshooting residential and commercial systems', ['Troubleshooting residential and commercial systems [must] Troubleshooting residential and commercial systems']],
    // Conditions of the job are shown but never counted against a resume.
    ['Able to lift 30 lb', ['Able to lift 30 lb [must, condition] Able to lift 30 lb']],
    ['A portfolio that shows your range', ['A portfolio that shows your range [must, condition] portfolio']],
    // Personal qualities count where a resume shows them and are asked at interview where it does not.
    ['Excellent written and verbal communication skills', ['Written and verbal communication skills [must, quality] written and verbal communication']],
    ['Attention to detail', ['Attention to detail [must, quality] Attention to detail']],
    ['Ability to work under pressure', ['Work under pressure [must, quality] work under pressure']],
    ['Physical fitness to manage equipment installation', ['Physical fitness to manage equipment installation [must, quality] Physical fitness']],
    // What a quality bears on ("particularly ...") is shown with it, and it stays a quality.
    ['Great attention to detail particularly with respect to dietary needs', ['Attention to detail [must, quality] attention to detail']],
    ['Discipline and dedication', ['Discipline and dedication [must, quality] Discipline and dedication']],
    ['Patient and compassionate towards animals', ['Patient and compassionate towards animals [must, quality] Patient and compassionate towards animals']],
    // ... but not a skill that names what it is done to.
    ['Ability to manage multiple client accounts', ['Manage multiple client accounts [must] manage multiple client accounts']],
    ['Customer service skills', ['Customer service skills [must] Customer service']],
    // What a named skill is used for is not asked of the resume: it shows the skill.
    ['Angular JS in constructing dynamic, user-friendly interfaces', ['Angular JS in constructing dynamic, user-friendly interfaces [must] Angular JS']],
    ['Oracle EBS, furthering our mission to grow', ['Oracle EBS, furthering our mission to grow [must] Oracle EBS']],
    ['Spring MVC to execute job functions diligently', ['Spring MVC to execute job functions diligently [must] Spring MVC']],
    // "X, able to ...": what follows the comma describes X.
    ['Project management, able to oversee projects from start to end', ['Project management [must] Project management']],
    ['Managerial skills, capable of leading a diverse team', ['Managerial skills [must] Managerial']],
    // A subject made a skill by its noun names it however short; "Technical skills" names nothing.
    ['Math abilities for taking measurements and troubleshooting duties', ['Math abilities for taking measurements and troubleshooting duties [must] Math abilities']],
    ['Technical skills for operating complex machinery', ['Technical skills for operating complex machinery [must] Technical skills for operating complex machinery']],
    // A bare word before the purpose keeps it: "Tools" alone names nothing.
    ['Tools for data visualization', ['Tools for data visualization [must] Tools for data visualization']],
    // "Axure software": the name is the skill, the noun after it what kind of thing it is.
    ['Microsoft Visio and Axure software', ['Microsoft Visio and Axure software [must] Microsoft Visio & Axure']],
  ])('"%s"', (text, expected) => {
    expect(read(text).map(shape)).toEqual(expected);
  });

  it('reads years of experience and their subject from the phrase', () => {
    const [exp] = read('5+ years building backend services in production');
    expect(exp).toMatchObject({ kind: 'experience', years: 5, label: '5+ years building backend services in production' });
    expect(exp?.groups[0]?.map((t) => t.label)).toEqual(['backend services']);
    expect(read('5 years in SRE or DevOps roles')[0]?.groups[0]?.map((t) => t.label)).toEqual(['SRE', 'DevOps']);
    // Years in general: the subject is filled in from the job title when the description is parsed.
    expect(read('At least 3 years of experience')[0]?.groups).toEqual([]);
  });

  it.each([
    ['Five years of experience in accounting', 5],
    ['Minimum of three (3) years of accounting experience', 3],
    ['Twelve years in retail management', 12],
    ['2-4 yrs as a paralegal', 2],
  ])('"%s" asks for %i years', (phrase, years) => {
    expect(read(phrase)[0]).toMatchObject({ kind: 'experience', years });
  });

  it('reads degrees, the lowest named, and "or equivalent experience"', () => {
    expect(read('Master\'s or PhD in a quantitative field')[0]).toMatchObject({ kind: 'education', degreeLevel: 4 });
    expect(read('Bachelor\'s degree in computer science or equivalent experience')[0]).toMatchObject({
      kind: 'education',
      degreeLevel: 3,
      orExperience: true,
    });
    // "Master Data Management" is no degree.
    expect(read('Master Data Management (MDM)')[0]?.kind).toBe('skill');
  });

  it('a licence is an essential must-have; as a nice-to-have it is not', () => {
    expect(read('Active RN license')[0]).toMatchObject({ kind: 'certification', essential: true });
    expect(read('CCRN certification', false)[0]?.essential).toBeUndefined();
  });

  it.each([
    [
      'The ideal candidate will have strong SQL skills, experience with a BI tool such as Tableau or Power BI, 2+ years in an analyst role, and advanced Excel.',
      ['strong SQL skills', 'experience with a BI tool such as Tableau or Power BI', '2+ years in an analyst role', 'advanced Excel'],
    ],
    [
      'Candidates must have hands-on test automation experience with Selenium or Playwright, and should be comfortable writing tests in Java or Python.',
      ['hands-on test automation experience with Selenium or Playwright', 'should be comfortable writing tests in Java or Python'],
    ],
    ['The successful candidate must have 5+ years of project management experience and a current PMP certification.', ['5+ years of project management experience', 'a current PMP certification']],
    ['8+ years of accounting, with at least 3 in a leadership role', ['8+ years of accounting, with at least 3 in a leadership role']],
    ['You have experience with Go, Python, or Java', ['You have experience with Go, Python or Java']],
  ])('prose "%s" is one clause per requirement', (sentence, clauses) => {
    expect(splitClauses(sentence)).toEqual(clauses);
  });
});
