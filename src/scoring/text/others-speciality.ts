import { allMatches } from './matches.ts';

/**
 * Stretches of a resume line that name someone else's speciality, not the candidate's: "working
 * closely with the PostgreSQL lead", "partnered with our AWS team", "alongside the Kubernetes
 * engineers". The words between the cue and the people it names describe those people; a hiring
 * manager does not read them as the candidate having used PostgreSQL, so they are no evidence of it.
 * What the candidate did with their own hands stays outside the stretch ("…with the data team using
 * Airflow": Airflow is claimed). Offsets are relative to the line.
 */
const PEOPLE =
  'leads?|team|teams|group|groups|squad|squads|managers?|directors?|heads?|owners?|architects?|engineers?|developers?|specialists?|experts?|admins?|administrators?|consultants?|counterparts?|colleagues?|vendors?|champions?|guild|practice|chapter|department|dept';
/**
 * "with the", "alongside our", "for their": a preposition, a determiner, then one to three words of
 * speciality before the people noun. The determiner is required: "with Kubernetes engineers" often
 * means the candidate was one of them.
 */
const OTHERS_SPECIALITY = new RegExp(
  String.raw`\b(?:with|alongside|for|among)\s+(?:the|our|their|its|client's|clients'|a|an)\s+((?:[\w.+#/-]+\s+){1,3}?)(?:${PEOPLE})\b`,
  'dgi',
);

const PEOPLE_NOUN = new RegExp(String.raw`\b(?:${PEOPLE})\b`, 'i');

/** Whether a line names people at all: a cheap test that spares most lines the spans' search. */
export function namesPeople(text: string): boolean {
  return PEOPLE_NOUN.test(text);
}

export function othersSpecialitySpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const m of allMatches(OTHERS_SPECIALITY, text)) {
    const words = m.indices?.[1];
    if (words) spans.push([words[0], words[1]]);
  }
  return spans;
}
