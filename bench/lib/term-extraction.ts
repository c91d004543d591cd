import { readFileSync } from 'node:fs';
import type { DefaultScorer } from '../../src/scoring/scorer.ts';
import { sameRequirement } from './requirement-eval.ts';

/** A text with the spans people marked in it. */
interface LabelledText {
  readonly text: string;
  /** Marked spans by kind ("Knowledge", "Skill", "Qualification", ...). */
  readonly spans: ReadonlyArray<{ kind: string; text: string }>;
}

export interface TermFigures {
  readonly texts: number;
  /** Share of the marked spans of `recallKinds` that a requirement of Skima's names. */
  readonly recall: number;
  /** Share of Skima's requirement terms that name a marked span of any kind. */
  readonly precision: number;
  readonly spans: number;
  readonly terms: number;
}

/** BIO tags ("B-Skill", or a bare "B" in a column of one kind) to spans. */
function spansOf(tokens: readonly string[], tags: readonly string[], kind = ''): Array<{ kind: string; text: string }> {
  const out: Array<{ kind: string; words: string[] }> = [];
  tags.forEach((tag, i) => {
    const m = /^([BI])(?:-(.+))?$/.exec(tag);
    if (!m) return;
    const k = m[2] ?? kind;
    const last = out[out.length - 1];
    if (m[1] === 'I' && last && last.kind === k && tags[i - 1] !== 'O') last.words.push(tokens[i] ?? '');
    else out.push({ kind: k, words: [tokens[i] ?? ''] });
  });
  return out.map((s) => ({ kind: s.kind, text: s.words.join(' ') }));
}

interface SkillSpanRow {
  idx: number;
  source: string;
  tokens: string[];
  tags_skill: string[];
  tags_knowledge: string[];
}

/** SkillSpan: one text per posting (its sentences, one a line); knowledge and skill spans. */
export function loadSkillSpan(path: string): LabelledText[] {
  const byPosting = new Map<string, { lines: string[]; spans: Array<{ kind: string; text: string }> }>();
  for (const line of readFileSync(path, 'utf8').trim().split('\n')) {
    const row = JSON.parse(line) as SkillSpanRow;
    const key = `${row.source}-${row.idx}`;
    const posting = byPosting.get(key) ?? { lines: [], spans: [] };
    byPosting.set(key, posting);
    posting.lines.push(row.tokens.join(' '));
    posting.spans.push(...spansOf(row.tokens, row.tags_skill, 'Skill'));
    posting.spans.push(...spansOf(row.tokens, row.tags_knowledge, 'Knowledge'));
  }
  return [...byPosting.values()].map((p) => ({ text: p.lines.join('\n'), spans: p.spans }));
}

/**
 * GREEN's test set: sentences of job descriptions in CoNLL form, not grouped by posting; read in
 * blocks of 20 sentences, one a line, as descriptions without headings.
 */
export function loadGreen(path: string): LabelledText[] {
  const sentences: Array<{ tokens: string[]; tags: string[] }> = [];
  let current = { tokens: [] as string[], tags: [] as string[] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 2 && parts[0]) {
      current.tokens.push(parts[0]);
      current.tags.push(parts[1] ?? 'O');
    } else if (current.tokens.length > 0) {
      sentences.push(current);
      current = { tokens: [], tags: [] };
    }
  }
  if (current.tokens.length > 0) sentences.push(current);
  const out: LabelledText[] = [];
  for (let i = 0; i < sentences.length; i += 20) {
    const block = sentences.slice(i, i + 20);
    out.push({
      text: block.map((s) => s.tokens.join(' ')).join('\n'),
      spans: block.flatMap((s) => spansOf(s.tokens, s.tags)),
    });
  }
  return out;
}

/** How well the terms Skima takes as requirements match the spans people marked. */
export function measureTerms(
  scorer: DefaultScorer,
  texts: readonly LabelledText[],
  recallKinds: readonly string[],
): TermFigures {
  let spans = 0;
  let found = 0;
  let terms = 0;
  let named = 0;
  for (const t of texts) {
    const reqs = scorer.parseJob(t.text).requirements;
    const termLabels = reqs.flatMap((r) => r.groups.flat().map((term) => term.label));
    const labels = [...reqs.map((r) => r.label), ...termLabels];
    for (const span of t.spans) {
      if (!recallKinds.includes(span.kind)) continue;
      spans += 1;
      if (labels.some((l) => sameRequirement(l, span.text))) found += 1;
    }
    for (const term of termLabels) {
      terms += 1;
      if (t.spans.some((s) => sameRequirement(term, s.text))) named += 1;
    }
  }
  const recall = spans ? found / spans : Number.NaN;
  return { texts: texts.length, recall, precision: terms ? named / terms : Number.NaN, spans, terms };
}
