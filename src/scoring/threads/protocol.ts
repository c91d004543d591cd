import type { ExtractOptions } from '../extract/extract-text.ts';
import type { ExtractResult } from '../extract/types.ts';
import type { ScoreOptions, ScoreResult } from '../types.ts';

/** What a scoring thread is started with. */
export interface ThreadSettings {
  /** ISO date that resolves "present" in resume date ranges, the same in every thread. */
  asOf: string;
}

export type Task =
  | { op: 'extract'; bytes: Uint8Array; options: ExtractOptions }
  | { op: 'score'; jd: string; resume: string; options?: ScoreOptions }
  | { op: 'heap' };

/** A thread's V8 heap, in bytes (what /metrics reports beside the main thread's). */
export interface ThreadHeap {
  used: number;
  total: number;
}
export type TaskRequest = Task & { id: number };

export type TaskReply =
  | { id: number; ok: true; result: ExtractResult | ScoreResult | ThreadHeap }
  | { id: number; ok: false; message: string };
