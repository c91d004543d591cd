import { providerOf } from './paths.ts';

/** A database URL fit for a log line: no password, no query string. */
export function describeDatabase(url: string): string {
  if (providerOf(url) === 'sqlite') return `SQLite ${url.replace(/^file:/, '').split('?')[0]}`;
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}
