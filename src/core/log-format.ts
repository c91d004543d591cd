// Where a process's log lines go and how they read. JSON lines (pino's own) for machines and log
// collectors; on a terminal, one readable line each: time, level, component, message, then the other
// fields as key=value. LOG_FORMAT=json|pretty overrides the choice (auto: pretty on a TTY).
import pino, { type DestinationStream } from 'pino';

export type LogFormat = 'auto' | 'json' | 'pretty';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// Fields every line carries that the readable form shows elsewhere or drops.
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'msg', 'component', 'service', 'pid', 'hostname']);

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/** One pino JSON line as a readable line (the input itself when it is not JSON). */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = (LEVELS[entry.level as number] ?? String(entry.level)).padEnd(5);
  const component = entry.component ? ` [${String(entry.component)}]` : '';
  const err = entry.err as { message?: string; stack?: string } | undefined;
  const fields = Object.entries(entry)
    .filter(([k]) => !SHOWN_ELSEWHERE.has(k) && k !== 'err')
    .map(([k, v]) => ` ${k}=${value(v)}`)
    .join('');
  const error = err ? `\n  ${(err.stack ?? err.message ?? '').replaceAll('\n', '\n  ')}` : '';
  return `${time} ${level}${component} ${String(entry.msg ?? '')}${fields}${error}\n`;
}

/**
 * The destination for a process's logs: standard output for the long-running processes (`skima start`,
 * `skima worker`), standard error for CLI commands, so their logs never mix with what they print.
 */
export function logDestination(format: LogFormat, to: 'stdout' | 'stderr'): DestinationStream {
  const out = to === 'stdout' ? process.stdout : process.stderr;
  const pretty = format === 'pretty' || (format === 'auto' && out.isTTY === true);
  if (!pretty) return pino.destination({ dest: to === 'stdout' ? 1 : 2, sync: true });
  return { write: (line: string) => void out.write(prettyLine(line)) };
}
