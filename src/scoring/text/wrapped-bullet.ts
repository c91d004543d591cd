/**
 * Whether a line carries on the bullet above it: a PDF wraps a long bullet onto a second line, and
 * the second half alone misleads ("PostgreSQL lead" out of "…working closely with the PostgreSQL
 * lead"). The line above starts with a bullet, does not end a sentence and holds no year (a role or a
 * degree under a bullet); this one is no bullet, no dated line and no heading in capitals. Both are
 * whole lines as written, bullets included, with nothing (not even a blank line) between them.
 */
export function carriesOnBullet(above: string, line: string): boolean {
  const prev = above.trim();
  const text = line.trim();
  if (!/^[•·*\-–]\s/.test(prev) || /[.!?:;]$/.test(prev) || YEAR.test(prev)) return false;
  if (!text || text.length > 100 || /^[•·*\-–]\s/.test(text)) return false;
  return !YEAR.test(text) && text !== text.toUpperCase();
}

const YEAR = /\b(19|20)\d{2}\b/;
