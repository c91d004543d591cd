// What a click on a Skima card means, checked like any request: anything malformed is not a click.
import { describe, expect, it } from 'vitest';
import { NOTE_MAX_CHARS, parseCardAction } from '../../../src/bot/teams/card-actions.ts';

const decide = { jobId: 'job-1', applicationId: 'app-1', verdict: 'approve' };

describe('parseCardAction', () => {
  it('reads a decision and the note typed beside that candidate, trimmed', () => {
    expect(parseCardAction('skima.decide', decide)).toEqual({ kind: 'decide', jobId: 'job-1', applicationId: 'app-1', verdict: 'approve' });
    expect(parseCardAction('skima.decide', { ...decide, 'note_app-1': '\n strong opener \t' }))
      .toEqual({ kind: 'decide', jobId: 'job-1', applicationId: 'app-1', verdict: 'approve', note: 'strong opener' });
  });

  it('ignores other candidates\' notes, blank notes and notes that are not text', () => {
    for (const extra of [{ 'note_app-2': 'other' }, { 'note_app-1': '   ' }, { 'note_app-1': 42 }, { 'note_app-1': ['x'] }]) {
      expect(parseCardAction('skima.decide', { ...decide, ...extra })).not.toHaveProperty('note');
    }
  });

  it('caps a note at the input\'s length, on a character boundary', () => {
    const long = '😀'.repeat(NOTE_MAX_CHARS + 10);
    const parsed = parseCardAction('skima.decide', { ...decide, 'note_app-1': long });
    expect(parsed).toMatchObject({ kind: 'decide', note: '😀'.repeat(NOTE_MAX_CHARS) });
  });

  it('reads "Open full shortlist" and "Add to job"', () => {
    expect(parseCardAction('skima.openShortlist', { jobId: 'job-1' })).toEqual({ kind: 'open-shortlist', jobId: 'job-1' });
    expect(parseCardAction('skima.addToJob', { jobId: 'job-1', candidateId: 'cand-9', note_x: 'ignored' }))
      .toEqual({ kind: 'add-to-job', jobId: 'job-1', candidateId: 'cand-9' });
  });

  it('refuses unknown verbs, missing or wrong fields and odd ids', () => {
    const bad: [string, unknown][] = [
      ['skima.reject', decide],
      ['', decide],
      ['skima.decide', { ...decide, verdict: 'reject' }],
      ['skima.decide', { jobId: 'job-1', verdict: 'approve' }],
      ['skima.decide', { ...decide, applicationId: '' }],
      ['skima.decide', { ...decide, applicationId: 'a b' }],
      ['skima.decide', { ...decide, jobId: 'x'.repeat(201) }],
      ['skima.decide', { ...decide, jobId: 7 }],
      ['skima.decide', null],
      ['skima.decide', 'approve'],
      ['skima.openShortlist', {}],
      ['skima.addToJob', { jobId: 'job-1' }],
    ];
    for (const [verb, data] of bad) expect(parseCardAction(verb, data), `${verb} ${JSON.stringify(data)}`).toBeNull();
  });
});
