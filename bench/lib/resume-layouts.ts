/**
 * The same resume in the layouts resumes are written in: the hand-labelled set writes each role as
 * "Title, Company (2019 - present)"; these rewrite that line as templates, PDF exports and LinkedIn
 * do. What a resume shows does not depend on where its title, employer and dates stand, so neither
 * may its score or its missing list.
 */
const ROLE_LINE = /^(.+?), ([^,]+?) \(((?:[A-Z][a-z]{2} )?\d{4}) - ((?:[A-Z][a-z]{2} )?\d{4}|present)\)$/;

type Layout = (title: string, company: string, from: string, to: string) => string;

export const RESUME_LAYOUTS: Readonly<Record<string, Layout>> = {
  'title over employer and dates': (t, c, a, b) => `${t}\n${c} | ${a} - ${b}`,
  'employer, title, dates (LinkedIn)': (t, c, a, b) => `${c}\n${t}\n${a} - ${b}`,
  'title, employer, dates and duration (LinkedIn)': (t, c, a, b) => `${t}\n${c}\n${a} - ${b} (3 years)`,
  'dates over title and employer': (t, c, a, b) => `${a} – ${b}\n${t}, ${c}`,
  'title — employer over dates': (t, c, a, b) => `${t} — ${c}\n${a} – ${b}`,
  'employer and dates over title': (t, c, a, b) => `${c} — ${a} – ${b}\n${t}`,
  'one line with pipes': (t, c, a, b) => `${t} | ${c} | ${a} – ${b}`,
  'dates after a tab': (t, c, a, b) => `${t}, ${c}\t\t${a} – ${b}`,
};

/** The resume with each role line in `layout`; undefined when it has no role line to rewrite. */
export function inLayout(resume: string, layout: Layout): string | undefined {
  const lines = resume.split('\n');
  if (!lines.some((l) => ROLE_LINE.test(l))) return undefined;
  return lines
    .map((line) => {
      const m = ROLE_LINE.exec(line);
      return m ? layout(m[1]!, m[2]!, m[3]!, m[4]!) : line;
    })
    .join('\n');
}
