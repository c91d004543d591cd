/**
 * The same resume as templates, PDF exports and LinkedIn write it. The hand-labelled set writes each
 * role as "Title, Company (2019 - present)" with "- " bullets; these rewrite the role lines in other
 * layouts and the text in other styles (double spacing, other bullets, lines wrapped as a narrow PDF
 * column wraps them). What a resume shows does not depend on either, so neither may its score or its
 * missing list.
 */
const ROLE_LINE = /^(.+?), ([^,]+?) \(((?:[A-Z][a-z]{2} )?\d{4}) - ((?:[A-Z][a-z]{2} )?\d{4}|present)\)$/;

type Layout = (title: string, company: string, from: string, to: string) => string;

const ROLE_LAYOUTS: Readonly<Record<string, Layout>> = {
  'title over employer and dates': (t, c, a, b) => `${t}\n${c} | ${a} - ${b}`,
  'employer, title, dates (LinkedIn)': (t, c, a, b) => `${c}\n${t}\n${a} - ${b}`,
  'title, employer, dates and duration (LinkedIn)': (t, c, a, b) => `${t}\n${c}\n${a} - ${b} (3 years)`,
  'dates over title and employer': (t, c, a, b) => `${a} – ${b}\n${t}, ${c}`,
  'title — employer over dates': (t, c, a, b) => `${t} — ${c}\n${a} – ${b}`,
  'employer and dates over title': (t, c, a, b) => `${c} — ${a} – ${b}\n${t}`,
  'one line with pipes': (t, c, a, b) => `${t} | ${c} | ${a} – ${b}`,
  'dates after a tab': (t, c, a, b) => `${t}, ${c}\t\t${a} – ${b}`,
};

/** Every line cut at `width` characters between words, as a PDF's narrow column lays it out. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...out, current];
    })
    .join('\n');
}

const STYLES: Readonly<Record<string, (resume: string) => string>> = {
  'double-spaced': (t) => t.split('\n').join('\n\n'),
  '• bullets': (t) => t.replace(/^- /gm, '• '),
  'numbered bullets': (t) => {
    let n = 0;
    return t.replace(/^- /gm, () => `${(n += 1)}. `);
  },
  'no bullet marks': (t) => t.replace(/^- /gm, ''),
  'lines wrapped at 60 characters': (t) => wrapLines(t, 60),
  'Windows line ends': (t) => t.replace(/\n/g, '\r\n'),
};

/** Each rewrite of a resume by name; undefined when it has nothing to rewrite. */
export const RESUME_REWRITES: Readonly<Record<string, (resume: string) => string | undefined>> = {
  ...Object.fromEntries(
    Object.entries(ROLE_LAYOUTS).map(([name, layout]) => [name, (resume: string) => inLayout(resume, layout)]),
  ),
  ...STYLES,
};

/** The resume with each role line in `layout`; undefined when it has no role line to rewrite. */
function inLayout(resume: string, layout: Layout): string | undefined {
  const lines = resume.split('\n');
  if (!lines.some((l) => ROLE_LINE.test(l))) return undefined;
  return lines
    .map((line) => {
      const m = ROLE_LINE.exec(line);
      return m ? layout(m[1]!, m[2]!, m[3]!, m[4]!) : line;
    })
    .join('\n');
}
