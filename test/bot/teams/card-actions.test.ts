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

  it('reads a Skip\'s reason picked beside that candidate, and never one with another verdict', () => {
    const skip = { ...decide, verdict: 'skip' };
    expect(parseCardAction('skima.decide', { ...skip, 'skipReason_app-1': 'reason-2', 'skipReason_app-2': 'other' }))
      .toEqual({ kind: 'decide', jobId: 'job-1', applicationId: 'app-1', verdict: 'skip', skipReasonId: 'reason-2' });
    expect(parseCardAction('skima.decide', { ...decide, 'skipReason_app-1': 'reason-2' })).not.toHaveProperty('skipReasonId');
    expect(parseCardAction('skima.decide', { ...skip, 'skipReason_app-1': '' })).not.toHaveProperty('skipReasonId');
  });

  it('reads Advance…/Archive…, the picks of the choices card, and a confirmation only with its key', () => {
    const target = { jobId: 'job-1', applicationId: 'app-1' };
    expect(parseCardAction('skima.disposition.open', { ...target, action: 'archive' })).toEqual({ kind: 'disposition-open', ...target, action: 'archive' });
    expect(parseCardAction('skima.disposition.open', { ...target, action: 'reject' })).toBeNull();
    expect(parseCardAction('skima.disposition.choose', { ...target, action: 'advance', dispoStage: 'next', dispoReason: 'r-1' }))
      .toEqual({ kind: 'disposition-choose', ...target, action: 'advance' });
    expect(parseCardAction('skima.disposition.choose', { ...target, action: 'advance', dispoStage: 'stage-3' }))
      .toEqual({ kind: 'disposition-choose', ...target, action: 'advance', stageId: 'stage-3' });
    expect(parseCardAction('skima.disposition.choose', { ...target, action: 'archive', dispoReason: 'r-1', dispoTemplate: 'none', dispoStage: 'stage-3' }))
      .toEqual({ kind: 'disposition-choose', ...target, action: 'archive', archiveReasonId: 'r-1' });
    expect(parseCardAction('skima.disposition.choose', { ...target, action: 'archive', dispoReason: 'r-1', dispoTemplate: 'tpl-1' }))
      .toEqual({ kind: 'disposition-choose', ...target, action: 'archive', archiveReasonId: 'r-1', emailTemplateId: 'tpl-1' });
    expect(parseCardAction('skima.disposition.confirm', { ...target, action: 'archive', archiveReasonId: 'r-1' })).toBeNull();
    expect(parseCardAction('skima.disposition.confirm', { ...target, action: 'archive', archiveReasonId: 'r-1', key: 'k-1' }))
      .toEqual({ kind: 'disposition-confirm', ...target, action: 'archive', archiveReasonId: 'r-1', key: 'k-1' });
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
