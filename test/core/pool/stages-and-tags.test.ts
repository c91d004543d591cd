// What rediscovery's stage:, tag: and do-not-contact rules need is stored by the sync, from the Ashby
// sandbox: every stage an application entered (application.listHistory for past applications, the
// current stage for active ones), and each candidate's tags with the do-not-contact flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIdle } from '../../../src/app.ts';
import { candidateTagColumns, isDoNotContactTag, labelsOf, labelText } from '../../../src/core/pool/pool-labels.ts';
import { type SkimaHarness, startHarness } from '../../helpers/skima.ts';

describe('stored labels', () => {
  it('keeps labels lower case, one a line, - and _ as spaces, each once', () => {
    expect(labelText(['Onsite', 'Phone_Screen', 'onsite', '  ', 'Hiring--Manager Interview'])).toBe('\nonsite\nphone screen\nhiring manager interview\n');
    expect(labelText([])).toBeNull();
    expect(labelsOf('\nonsite\noffer\n')).toEqual(['onsite', 'offer']);
  });

  it('reads a do-not-contact tag in the ways organisations write it, and ignores archived tags', () => {
    for (const t of ['Do Not Contact', 'do-not-contact', 'DNC', 'Do not email', 'Do NOT call']) expect(isDoNotContactTag(t), t).toBe(true);
    for (const t of ['Contacted', 'Silver medalist', 'Not contacted yet', 'dnc-review']) expect(isDoNotContactTag(t), t).toBe(false);
    expect(candidateTagColumns([{ id: '1', title: 'Do Not Contact', isArchived: true }, { id: '2', title: 'Referral', isArchived: false }]))
      .toEqual({ tags: '\nreferral\n', doNotContact: false });
  });
});

describe('the sync stores stages reached and tags', () => {
  let h: SkimaHarness;
  let dncCandidate: string;
  beforeAll(async () => {
    h = await startHarness('sqlite', {
      seed: 'small',
      beforeStart: async (sandbox) => {
        const org = sandbox.control.org;
        dncCandidate = org.id('candidate', 3);
        const tag = org.createTag('Do Not Contact');
        org.touchCandidate(3, Date.now()).tagIds.push(tag.id);
      },
    });
    expect(await waitForIdle(h.skima.ctx, 60_000)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores every stage a past application entered, from its history in Ashby', async () => {
    const client = h.skima.ctx.ashby.client;
    const select = { id: true, status: true, stageTitle: true, stagesReached: true };
    const apps = await h.skima.ctx.db.application.findMany({ select });
    const past = apps.filter((a) => a.status !== 'Active');
    expect(past.length).toBeGreaterThan(0);
    for (const app of past) {
      const history: string[] = [];
      for await (const item of client.application.listHistory(app.id)) history.push(item.title);
      expect(labelsOf(app.stagesReached)).toEqual(labelsOf(labelText(history)));
    }
    // An archived application remembers how far it got before the Archived stage.
    expect(past.some((a) => a.status === 'Archived' && labelsOf(a.stagesReached).length > 1)).toBe(true);
    for (const app of apps.filter((a) => a.status === 'Active')) expect(labelsOf(app.stagesReached)).toContain(labelsOf(labelText([app.stageTitle!]))[0]);
  });

  it('stores each candidate\'s tags and flags do-not-contact', async () => {
    const where = { doNotContact: true };
    const flagged = await h.skima.ctx.db.candidate.findMany({ where, select: { id: true, tags: true } });
    expect(flagged).toEqual([{ id: dncCandidate, tags: '\ndo not contact\n' }]);
  });
});
