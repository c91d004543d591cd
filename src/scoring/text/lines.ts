/** A line of a document with its character offsets in that document. */
export interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  // indexOf finds each line break natively; a loop over every character was 1% of a score.
  for (;;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    out.push({ text: text.slice(start, end), start, end });
    if (newline < 0) return out;
    start = newline + 1;
  }
}

/** A list entry's marker at the start of a line: a bullet or a number ("- ", "• ", "2) "). */
export const BULLET = /^\s*(?:[*•·▪◦\-–—+]|\d{1,2}[.)])\s+/;

/** The part of a line that is content: without bullets, numbering and surrounding markup. */
export function lineBody(line: Line): Line {
  const m = /^[\s>*•·▪◦\-–—+#"“]*(?:\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)?[\s*"“]*/.exec(line.text);
  const lead = m ? m[0].length : 0;
  let end = line.text.length;
  while (end > lead && /[\s*"”]/.test(line.text[end - 1] ?? '')) end -= 1;
  return { text: line.text.slice(lead, end), start: line.start + lead, end: line.start + end };
}

export interface Section<K extends string> {
  readonly kind: K;
  readonly heading: string;
  readonly lines: Line[];
}

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$/;
const BOLD_HEADING = /^\s*(?:\*\*|__)([^*_]{2,60})(?:\*\*|__)\s*:?\s*$/;
const PLAIN_HEADING = /^\s*([A-Za-z][A-Za-z &/'-]{1,48}?)\s*:?\s*$/;

/**
 * Splits a document into sections at its headings. `classify` names a heading's kind, or returns
 * undefined when a short line is not a known heading (it then stays content). Markdown headings
 * always start a section, known or not.
 */
export function splitSections<K extends string>(
  text: string,
  classify: (heading: string) => K | undefined,
  preambleKind: K,
  unknownKind: K,
): Section<K>[] {
  const sections: Section<K>[] = [];
  let current: Section<K> = { kind: preambleKind, heading: '', lines: [] };
  for (const line of splitLines(text)) {
    const md = MARKDOWN_HEADING.exec(line.text);
    const bold = md ? null : BOLD_HEADING.exec(line.text);
    // A plain line is a heading only when it is short or ends with a colon: "Bachelor's Degree in
    // Computer Science" is content even though it names a section kind.
    const plainMatch = md || bold ? null : PLAIN_HEADING.exec(line.text);
    const plain =
      plainMatch && ((plainMatch[1] ?? '').split(/\s+/).length <= 3 || /:\s*$/.test(line.text)) ? plainMatch : null;
    const candidate = (md?.[1] ?? bold?.[1] ?? plain?.[1] ?? '').replace(/[:*]+$/, '').trim();
    const kind = candidate ? classify(candidate) : undefined;
    // "## Job Title: Nurse" is a heading with its content on the same line.
    const inline = md ? /^([^:]{2,40}):\s*(\S.*)$/.exec(md[1] ?? '') : null;
    const inlineKind = inline ? classify(inline[1] ?? '') : undefined;
    if (inline && inlineKind) {
      sections.push(current);
      const offset = line.text.indexOf(inline[2] ?? '', line.text.indexOf(':'));
      current = {
        kind: inlineKind,
        heading: inline[1] ?? '',
        lines: [{ text: inline[2] ?? '', start: line.start + offset, end: line.end }],
      };
    } else if (kind || (md && candidate)) {
      sections.push(current);
      current = { kind: kind ?? unknownKind, heading: candidate, lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  sections.push(current);
  return sections.filter((s) => s.lines.some((l) => l.text.trim()) || s.heading);
}
