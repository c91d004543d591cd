/**
 * Where a candidate says they are, read from the original resume ("Location: Austin, TX",
 * "City of residence: Ashdod", "Based in Lisbon", or the city of an address line). The scorer never
 * uses it: location is masked before scoring (it can stand in for national origin). It is here for
 * the core to compare with a job that requires on-site work, which a human then judges.
 */
const LABELLED =
  /^[\s*_#>•-]*(?:location|city(?:\s+of\s+residence)?|residence|based\s+in|address|current\s+location)\s*[*_]*\s*[:\-–|]\s*(.+)$/im;
const STREET_LINE =
  /^.*\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\p{L}'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl)\b\.?(.*)$/mu;
const BASED_IN = /\b(?:based|located|living|residing)\s+in\s+([\p{Lu}][\p{L}.'-]+(?:[\s,]+[\p{Lu}][\p{L}.'-]+){0,3})/u;

export function candidateLocation(resumeText: string): string | undefined {
  const labelled = LABELLED.exec(resumeText)?.[1] ?? STREET_LINE.exec(resumeText)?.[1];
  if (labelled) {
    // Keep the place, not the street: the last two comma-separated parts ("Springfield, IL").
    const parts = labelled
      .split(',')
      .map((p) => p.replace(/[*_|]+/g, '').trim())
      .filter((p) => p && !/\d{2,}/.test(p) && !/@/.test(p));
    const place = parts.slice(-2).join(', ');
    if (place) return place.slice(0, 80);
  }
  const based = BASED_IN.exec(resumeText)?.[1];
  return based ? based.trim().slice(0, 80) : undefined;
}
