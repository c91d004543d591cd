import type { AshbyApplicationHistoryItem, AshbyTag } from '../../ashby/index.ts';

/**
 * How stage titles and tags are stored for rediscovery's `stage:` and `tag:` filters: lower case, runs
 * of `-`, `_` and spaces as one space, one a line, the whole framed by newlines ("\nonsite\noffer\n"),
 * so a filter's words match inside one label and never across two.
 */
export function labelText(labels: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const label of labels) {
    const clean = label.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
    if (clean) seen.add(clean);
  }
  return seen.size ? `\n${[...seen].join('\n')}\n` : null;
}

/** The labels of stored label text. */
export function labelsOf(text: string | null | undefined): string[] {
  return (text ?? '').split('\n').filter(Boolean);
}

/**
 * A tag that says not to reach out: "Do Not Contact", "do-not-email", "DNC", "Do not call"... Ashby has
 * no do-not-contact field; organisations tag such people. Archived tags no longer say anything.
 */
export function isDoNotContactTag(title: string): boolean {
  const t = title.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return t === 'dnc' || /\bdo not (contact|email|call|reach out|approach)\b/.test(t);
}

export function candidateTagColumns(tags: readonly AshbyTag[]): { tags: string | null; doNotContact: boolean } {
  const live = tags.filter((t) => !t.isArchived);
  return { tags: labelText(live.map((t) => t.title)), doNotContact: live.some((t) => isDoNotContactTag(t.title)) };
}

/** The stages an application entered, as stored: its history's titles, with what was stored before. */
export function stagesReachedText(
  stored: string | null | undefined,
  seen: readonly Pick<AshbyApplicationHistoryItem, 'title'>[] | readonly { title: string }[],
): string | null {
  return labelText([...labelsOf(stored), ...seen.map((s) => s.title)]);
}
