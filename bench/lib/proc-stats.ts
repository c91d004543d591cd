// What /proc (Linux) says of another process: its memory and its CPU time, for the process benchmarks.
import { readFileSync } from 'node:fs';
import { fmt } from '../_support.ts';

/** Resident set of another process, from /proc (Linux). */
export function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process's resident set split as /proc reports it: its own memory (anonymous), files mapped in
 * (the SQLite memory map, code) and shared memory (SQLite's WAL index), in MB. */
export function rssParts(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (key: string) => fmt(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
    return `anon ${mb('RssAnon')}, file ${mb('RssFile')}, shm ${mb('RssShmem')}`;
  } catch {
    return 'gone';
  }
}

/** CPU seconds (user + system) a process (or, with `tid`, one of its threads) has used so far, from
 * /proc (Linux). */
export function cpuOf(pid: number, tid?: number): number {
  try {
    const stat = readFileSync(tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}
