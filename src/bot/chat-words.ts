import type { CardRequirement, Verdict } from './card-model.ts';
import type { DigestReport, SetupReport } from './ports.ts';

// Words every chat renderer (Block Kit, Adaptive Card) uses for the same figures, so a digest, a status
// or a card reads the same in Slack and in Teams. Plain text: each renderer adds its own markup.

/** 2026-12-05 (UTC). */
export const day = (d: Date) => d.toISOString().slice(0, 10);

/** "45 min" or "3.5 h"; "n/a" when there is nothing to measure. */
export const duration = (ms: number | null) =>
  ms === null ? 'n/a' : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`;

/** "62%"; "n/a" when there is no share. */
export const percent = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);

/** "just now", "12 min ago", "5 h ago", "3 days ago", "never". */
export function ago(at: Date | null, now: Date): string {
  if (!at) return 'never';
  const min = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (min < 1) return 'just now';
  if (min < 120) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

/** A digest figure's change against the weeks before ("+12% on the 4-week average"), if there is one. */
export function trendChange(d: Pick<DigestReport, 'trends'>, figure: string): string | undefined {
  return d.trends.find((t) => t.figure === figure)?.change || undefined;
}

export const SETUP_MARK: Record<SetupReport['status'], string> = { ok: '✅', warn: '⚠️', fail: '❌', fixed: '🔧' };

/** A verdict on a button. */
export const VERDICT_LABEL: Record<Verdict, string> = { approve: 'Approve', skip: 'Skip', maybe: 'Maybe' };

/** A verdict once given, as a card says it. */
export const VERDICT_MARK: Record<Verdict, string> = { approve: '👍 Approved', skip: '👎 Skipped', maybe: '🤔 Maybe' };

/** What is said beside a requirement: the rule that made it (or "edited"), and "essential" where it is. */
export function requirementNotes(r: CardRequirement): string {
  return [r.edited ? 'edited' : r.rule, ...(r.essential ? ['essential'] : []), ...(r.quality ? ['counted when shown, else asked at interview'] : [])].join('; ');
}

/** An archive asked for where Ashby has no archive reason to give it. */
export const NO_ARCHIVE_REASON = 'Ashby has no archive reason in use, so nothing can be archived from here.';
