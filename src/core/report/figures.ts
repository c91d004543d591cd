import type { DecisionRow } from './history.ts';
import type { ScreenedStats } from './screened-sql.ts';
import { type Spread, spread } from './stats.ts';

export interface VerdictCounts {
  approve: number;
  skip: number;
  maybe: number;
}

/** Approvals taken from the shortlist, and how far those applications got. */
export interface TopTenOutcomes {
  approved: number;
  interview: number;
  offer: number;
  hired: number;
}

/** The figures of a period, a week or a job. Definitions: docs/report.md. */
export interface Figures {
  screened: number;
  unscorable: number;
  timeToScreenMs: Spread;
  managerResponseMs: Spread;
  decisions: VerdictCounts;
  followedRankingShare: number | null;
  topTen: TopTenOutcomes;
  /** screened × minutes per manual screen ÷ 60, to a tenth of an hour: an estimate on a stated assumption. */
  hoursSaved: number;
}

const OFFER_STAGE = /offer/i;

/** How far an approved application got, as Skima knows it now. */
function outcomeOf(d: DecisionRow, stageMoved: ReadonlySet<string>) {
  const hired = d.hiredMs !== null;
  const offer = hired || (d.stageTitle !== null && OFFER_STAGE.test(d.stageTitle));
  return { hired, offer, interview: offer || stageMoved.has(d.applicationId) };
}

/** Collects the rows that fall in one bucket (a period, a week, a job), then yields its figures. */
export class FiguresBuilder {
  private screened: ScreenedStats = { count: 0, timeToScreenMs: { median: null, p90: null } };
  private unscorable = 0;
  private readonly response: number[] = [];
  private readonly verdicts: VerdictCounts = { approve: 0, skip: 0, maybe: 0 };
  private decided = 0;
  private followed = 0;
  private readonly approved = new Map<string, DecisionRow>();

  /** The bucket's screenings, counted in the database (screened-sql.ts). */
  setScreened(stats: ScreenedStats | undefined): void {
    if (stats) this.screened = stats;
  }

  addUnscorable(): void {
    this.unscorable++;
  }

  /** `firstOnShortlist`: the application's first decision ever, taken while it was on the shortlist. */
  addDecision(d: DecisionRow, firstOnShortlist: boolean): void {
    this.decided++;
    if (d.followedRanking) this.followed++;
    if (Object.hasOwn(this.verdicts, d.verdict)) this.verdicts[d.verdict as keyof VerdictCounts]++;
    if (firstOnShortlist && d.firstScoreMs !== null) this.response.push(Math.max(0, d.atMs - d.firstScoreMs));
    if (d.verdict === 'approve' && d.rankAtDecision !== null && !this.approved.has(d.applicationId)) {
      this.approved.set(d.applicationId, d);
    }
  }

  build(minutesPerScreen: number, stageMoved: ReadonlySet<string>): Figures {
    const topTen: TopTenOutcomes = { approved: this.approved.size, interview: 0, offer: 0, hired: 0 };
    for (const d of this.approved.values()) {
      const o = outcomeOf(d, stageMoved);
      topTen.interview += Number(o.interview);
      topTen.offer += Number(o.offer);
      topTen.hired += Number(o.hired);
    }
    return {
      screened: this.screened.count,
      unscorable: this.unscorable,
      timeToScreenMs: this.screened.timeToScreenMs,
      managerResponseMs: spread(this.response),
      decisions: { ...this.verdicts },
      followedRankingShare: this.decided ? this.followed / this.decided : null,
      topTen,
      hoursSaved: Math.round((this.screened.count * minutesPerScreen) / 6) / 10,
    };
  }
}
