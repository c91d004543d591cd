import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScorer } from '../../src/scoring/scorer.ts';
import { scoreBand, unroundedScore } from '../../src/scoring/types.ts';

const scorer = createScorer({ asOf: new Date('2026-12-01T00:00:00Z') });
const JOB = readFileSync(resolve(import.meta.dirname, 'jd/parse.test.ts'), 'utf8').split('const BACKEND = `')[1]!.split('`;')[0]!;

const FULL = `Jordan Smith
Backend engineer with 12 years of experience in TypeScript, Node.js, AWS and Kubernetes.

Experience
Senior Software Engineer, Amazon (2018 - present)
- Built Node.js and TypeScript services on AWS handling 2M requests a day
- Designed MySQL schemas and tuned slow queries
Backend Engineer, Shopify (2013 - 2018)
- Ran Kubernetes clusters and Kafka pipelines for checkout

Skills
TypeScript, Node.js, AWS, Kubernetes, Docker, MySQL`;

describe('a scale that means the same for every job', () => {
  it('evidence for every must-have scores 80 or more, with nothing missing', () => {
    const res = scorer.score(JOB, FULL);
    expect(res.score).toBeGreaterThanOrEqual(80);
    expect(scoreBand(res.score)).toBe('strong');
    expect(res.missing).toEqual([]);
  });

  it('one must-have missing lands in 60-79, and the missing list names it as the description does', () => {
    const noCloud = FULL.replaceAll('AWS', 'on-premise servers').replace('services on on-premise servers', 'services in our data centre');
    const res = scorer.score(JOB, noCloud);
    expect(res.score).toBeGreaterThanOrEqual(60);
    expect(res.score).toBeLessThan(80);
    expect(res.missing).toEqual(['Running services on AWS or another major cloud']);
  });

  it('"AWS or another major cloud" is met by another cloud; "(PostgreSQL preferred)" is never missing', () => {
    const azure = scorer.score(JOB, FULL.replaceAll('AWS', 'Azure'));
    expect(azure.missing).toEqual([]);
    expect(scorer.score(JOB, FULL).missing.join()).not.toMatch(/PostgreSQL/);
  });

  it('years stated in the summary meet "5+ years building backend services"', () => {
    const undated = FULL.replace(/\(\d{4} - (?:present|\d{4})\)/g, '');
    expect(scorer.score(JOB, undated).missing).toEqual([]);
  });

  it('a bare list of skills cannot reach "strong"', () => {
    const list = 'Skills: TypeScript, Node.js, AWS, PostgreSQL, Kafka, Kubernetes, Terraform, 10 years of backend services';
    const res = scorer.score(JOB, list);
    expect(res.score).toBeLessThan(80);
  });

  it('reasons read "<requirement>: <what the resume shows>" with a verbatim quote', () => {
    const res = scorer.score(JOB, FULL);
    expect(res.reasons.length).toBeGreaterThanOrEqual(3);
    expect(res.reasons.length).toBeLessThanOrEqual(5);
    for (const r of res.reasons) {
      expect(r.text).toMatch(/^[^:]+: \S/);
      expect(FULL.slice(r.start, r.end)).toBe(r.quote);
    }
    expect(res.reasons.map((r) => r.text).join('\n')).toContain('TypeScript or Node.js experience');
  });

  it('a resume with little evidence says so instead of padding reasons', () => {
    const res = scorer.score(JOB, 'Line Cook\n\nExperience\nLine Cook, Ember Grill (2019 - present)\n- Prepared 200 covers a night');
    expect(scoreBand(res.score)).toBe('weak');
    expect(res.reasons.at(-1)?.text).toMatch(/^Little evidence/);
    expect(res.reasons.length).toBeLessThan(3);
  });

  it('conditions of the job are never listed as missing', () => {
    const job = 'Cashier\n\nRequirements\n- Cash handling\n- Able to stand for long periods';
    expect(scorer.score(job, 'Cashier, Save-Right (2022 - present)\n- Cash handling and card payments at a busy register').missing).toEqual([]);
  });
});

describe('the unrounded score that orders equal whole numbers', () => {
  it('is the score before rounding, the same for every place that ranks', () => {
    const job = 'Data Analyst\n\nRequirements\n- SQL\n- Python\n- Tableau';
    const result = scorer.score(job, 'Data Analyst, Northwind (2019 - present)\n- SQL and Python reports in Tableau');
    expect(unroundedScore(result.score, result.features)).toBe(result.features.raw);
    expect(Math.round(result.features.raw!)).toBe(result.score);
  });

  it.each([
    ['a scorer that gives none (an LLM)', 58, { llm: 0.58 }, 58],
    ['one that does not round to the score', 58, { raw: 71.2 }, 58],
    ['not a number', 58, { raw: Number.NaN }, 58],
    ['a value that rounds to the score', 58, { raw: 57.6 }, 57.6],
  ])('falls back to the whole number for %s', (_why, score, features, expected) => {
    expect(unroundedScore(score, features)).toBe(expected);
  });
});
